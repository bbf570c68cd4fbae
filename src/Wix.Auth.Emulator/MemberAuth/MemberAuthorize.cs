using System.Text.Json;
using System.Text.Json.Nodes;
using Wix.Auth.Emulator.Endpoints;
using Wix.Auth.Emulator.Model;
using Wix.Auth.Emulator.Pages;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>
/// The authorize page for what the site's own forms and social login add to a login Redirect Session:
/// <c>sessionToken</c> (the member logged in with the site's form: a code at once, whatever the prompt),
/// <c>idp</c> (off to the identity provider's page) and <c>responseMode: web_message</c> (the answer is a page
/// that posts <c>{code, state}</c> or <c>{error, error_description, state}</c> to its parent window).
/// </summary>
internal static class MemberAuthorize
{
    /// <summary>Whether this login session is answered here rather than by the login form.</summary>
    public static bool Handles(LoginSession session) =>
        session.Request.SessionToken is not null || session.Request.Idp is not null ||
        session.Request.ResponseMode == ResponseMode.WebMessage;

    /// <summary>
    /// Reads <c>sessionToken</c> and <c>idp</c> of an <c>authRequest</c>. An unknown provider is refused (the SDK
    /// drops unknown names itself, so only a wrong connection ID gets here); <c>web_message</c> without a session
    /// token needs <c>prompt: none</c>, since a hidden frame cannot show a form.
    /// </summary>
    public static (string? SessionToken, string? Idp, IResult? Error) ParseFields(
        JsonObject request, ResponseMode mode, Prompt prompt, MemberAuthOptions options)
    {
        if (IamFields.Optional(request, "sessionToken", JsonValueKind.String, "auth.authRequest.sessionToken") is { } e1)
            return (null, null, e1);
        if (IamFields.Optional(request, "idp", JsonValueKind.String, "auth.authRequest.idp") is { } e2)
            return (null, null, e2);
        var sessionToken = JsonText.Of(request, "sessionToken");
        var idp = JsonText.Of(request, "idp");
        if (sessionToken is { Length: 0 or > 256 })
            return (null, null, WixError.Validation("auth.authRequest.sessionToken", "sessionToken must be 1 to 256 characters."));
        if (idp is not null && !options.IdentityProviders.ContainsKey(idp))
            return (null, null, WixError.Application(StatusCodes.Status400BadRequest, "UNKNOWN_IDENTITY_PROVIDER",
                "idp is not an identity provider of this site."));
        if (idp is not null && sessionToken is not null)
            return (null, null, WixError.Validation("auth.authRequest.idp", "idp and sessionToken cannot be combined."));
        if (mode == ResponseMode.WebMessage && sessionToken is null && (prompt != Prompt.None || idp is not null))
            return (null, null, WixError.Validation("auth.prompt",
                "web_message needs a sessionToken or prompt none: a hidden frame cannot show a page."));
        return (sessionToken, idp, null);
    }

    public static IResult Get(HttpContext context, EmulatorState state, MemberAuthState auth, OAuthApps apps, LoginSession session)
    {
        var request = session.Request;
        if (request.Idp is not null)
            return Results.Redirect(
                $"{context.Request.Scheme}://{context.Request.Host}{MemberPaths.IdentityProvider}?rs={Uri.EscapeDataString(session.Id)}");
        if (request.SessionToken is not null) return Redeem(context, state, auth, apps, session);

        // web_message with prompt none: the emulator's own session cookie decides, as for a silent redirect.
        var browser = state.FindBrowserSession(BrowserCookie.Read(context.Request));
        if (!state.TryComplete(session)) return Unknown();
        return browser is null
            ? Answer(apps, request, Error(request, "login_required", "The member has no session; prompt=none cannot log in."))
            : Answer(apps, request, Code(state, request, browser.Member));
    }

    /// <summary>Completes a login session for a member (a session token, or the identity provider's answer).</summary>
    public static IResult LogIn(HttpContext context, EmulatorState state, OAuthApps apps, LoginSession session, MemberAccount member)
    {
        if (!state.TryComplete(session)) return Unknown();
        var demo = member.AsDemoMember();
        BrowserCookie.Write(context.Response, state.StartBrowserSession(demo).Id);
        return Answer(apps, session.Request, Code(state, session.Request, demo));
    }

    /// <summary>Sends the outcome back: a redirect for fragment and query, a posting page for web_message.</summary>
    public static IResult Answer(OAuthApps apps, AuthRequest request, IReadOnlyList<(string Name, string Value)> outcome)
    {
        if (request.ResponseMode != ResponseMode.WebMessage)
            return Results.Redirect(outcome[0].Name == "code"
                ? RedirectBack.Success(request, outcome[0].Value)
                : RedirectBack.Error(request, outcome[0].Value, outcome[1].Value));
        return WebMessagePage.Render(TargetOrigins(apps, request), outcome);
    }

    public static IResult Unknown() => Html.Message("Link not valid",
        "This login link is unknown, has expired or was already used. Start again from the app.",
        StatusCodes.Status400BadRequest);

    private static IResult Redeem(HttpContext context, EmulatorState state, MemberAuthState auth, OAuthApps apps, LoginSession session)
    {
        var request = session.Request;
        var ticket = auth.SessionTokens.Take(request.SessionToken);
        var member = ticket is not null && ticket.ClientId == request.ClientId ? auth.Members.FindById(ticket.MemberId) : null;
        if (member is null || !member.Approved)
        {
            if (!state.TryComplete(session)) return Unknown();
            return Answer(apps, request, Error(request, "login_required", "The session token is invalid or expired"));
        }
        return LogIn(context, state, apps, session, member);
    }

    private static (string, string)[] Code(EmulatorState state, AuthRequest request, DemoMember member) =>
        [("code", state.IssueCode(request, member)), .. StateOf(request)];

    private static (string, string)[] Error(AuthRequest request, string error, string description) =>
        [("error", error), ("error_description", description), .. StateOf(request)];

    private static IEnumerable<(string, string)> StateOf(AuthRequest request) =>
        request.State is null ? [] : [("state", request.State)];

    /// <summary>
    /// Where the message may go: the redirect URI's origin when there is one, else the origins of the app's
    /// registered redirect URIs. Never <c>"*"</c>: a code posted to any origin is a code given to anyone framing the page.
    /// </summary>
    private static IReadOnlyList<string> TargetOrigins(OAuthApps apps, AuthRequest request)
    {
        IEnumerable<string> uris = request.RedirectUri is { } uri ? [uri] : apps.Find(request.ClientId)?.RedirectUris ?? [];
        return [.. uris
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https"
                ? parsed.GetLeftPart(UriPartial.Authority) : null)
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
