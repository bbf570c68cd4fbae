using System.Text.Encodings.Web;

namespace Wix.Auth.Emulator.Pages;

/// <summary>The shell every emulator page shares: plain HTML that works without JavaScript.</summary>
internal static class Html
{
    public static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    public static IResult Page(string title, string body, int status = StatusCodes.Status200OK) => Results.Content(
        $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}} · Wix auth emulator</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1a1a1a; }
        label { display: block; margin-top: 1rem; font-weight: 600; }
        input { display: block; width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; }
        button { margin-top: 1.25rem; margin-right: .5rem; padding: .5rem 1.25rem; font-size: 1rem; }
        [role=alert] { color: #a40000; font-weight: 600; }
        .hint { margin-top: 2rem; color: #555; font-size: .9rem; }
        </style>
        </head>
        <body>
        <main>
        <h1>{{Encode(title)}}</h1>
        {{body}}
        </main>
        </body>
        </html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);

    public static IResult Message(string title, string message, int status) =>
        Page(title, $"<p>{Encode(message)}</p>", status);
}
