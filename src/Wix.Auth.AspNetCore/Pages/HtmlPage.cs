using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Wix.Auth.AspNetCore.Pages;

/// <summary>The plain HTML document of the host's own pages: never cached, never framed, no scripts but a nonced one.</summary>
internal static class HtmlPage
{
    /// <summary>HTML-encodes text for an element or an attribute.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A page with <paramref name="title"/> and the (already encoded) <paramref name="body"/>.</summary>
    public static IResult Render(HttpContext context, string title, string body, int statusCode, string? scriptNonce = null)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'{(scriptNonce is null ? "" : $"; script-src 'nonce-{scriptNonce}'")}";
        headers["Referrer-Policy"] = "no-referrer";
        var html = new StringBuilder()
            .Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>\n")
            .Append("</head>\n<body>\n<main>\n<h1>").Append(Encode(title)).Append("</h1>\n")
            .Append(body)
            .Append("\n</main>\n</body>\n</html>\n");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }
}
