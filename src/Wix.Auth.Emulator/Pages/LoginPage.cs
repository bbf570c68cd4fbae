using System.Text;
using Wix.Auth.Emulator.Endpoints;

namespace Wix.Auth.Emulator.Pages;

/// <summary>
/// The login form: POST with <c>email</c> and <c>password</c>, a submit button and a Cancel button
/// (<c>name="action"</c>, values <c>login</c> and <c>cancel</c>). A failed attempt shows the form again with HTTP 200.
/// </summary>
internal static class LoginPage
{
    public static IResult Render(
        string sessionId, string clientId, EmulatorOptions options, string? error = null, string? email = null)
    {
        var body = new StringBuilder();
        body.Append($"<p>Log in to continue to <strong>{Html.Encode(clientId)}</strong>.</p>");
        if (error is not null) body.Append($"<p role=\"alert\" id=\"login-error\">{Html.Encode(error)}</p>");
        var action = $"{Paths.Authorize}?rs={Uri.EscapeDataString(sessionId)}";
        var described = error is null ? "" : " aria-describedby=\"login-error\"";
        body.Append($"""
            <form method="post" action="{Html.Encode(action)}">
            <label for="email">Email</label>
            <input id="email" name="email" type="email" autocomplete="username" required value="{Html.Encode(email ?? "")}"{described}>
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required{described}>
            <button type="submit" name="action" value="login">Log in</button>
            <button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
            </form>
            """);
        if (options.ShowMembersOnLoginPage && options.Members.Count > 0)
        {
            body.Append("<div class=\"hint\"><p>Demo members on this emulator:</p><ul>");
            // Any site can read this page (CORS is open, as on Wix): only the built-in demo passwords, published in the
            // README, are shown; a member a developer or test configured is listed by email alone.
            foreach (var member in options.Members)
                body.Append(DemoData.Members.Contains(member)
                    ? $"<li>{Html.Encode(member.Email)} / {Html.Encode(member.Password)}</li>"
                    : $"<li>{Html.Encode(member.Email)}</li>");
            body.Append("</ul></div>");
        }
        return Html.Page("Log in", body.ToString());
    }
}
