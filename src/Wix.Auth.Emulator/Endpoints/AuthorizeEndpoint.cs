using Wix.Auth.Emulator.MemberAuth;
using Wix.Auth.Emulator.Model;
using Wix.Auth.Emulator.Pages;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.Endpoints;

/// <summary>
/// <c>/_api/oauth2/authorize?rs=…</c>: the page a Redirect Session's <c>fullUrl</c> opens. A login session shows the
/// form (or, with <c>prompt=none</c>, answers at once from the session cookie); a logout session ends the cookie
/// session and goes to <c>postFlowUrl</c>. Each Redirect Session has one outcome.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static IResult Get(HttpContext context, EmulatorState state, MemberAuthState members, OAuthApps apps)
    {
        NoStore(context);
        var session = Find(context, state);
        return session switch
        {
            null => Unknown(),
            LogoutSession logout => Logout(context, state, logout),
            LoginSession login when MemberAuthorize.Handles(login) => MemberAuthorize.Get(context, state, members, apps, login),
            LoginSession { Request.Prompt: Prompt.None } login => Silent(context, state, login),
            LoginSession login => LoginPage.Render(login.Id, login.Request.ClientId, state.Options),
            _ => Unknown(),
        };
    }

    public static IResult Post(HttpContext context, EmulatorState state, MemberAuthState members)
    {
        NoStore(context);
        if (Find(context, state) is not LoginSession session || MemberAuthorize.Handles(session)) return Unknown();
        var body = RequestBody.Of(context);
        if (body.Kind != BodyKind.Form)
            return Html.Message("Cannot log in", "The form must be posted as application/x-www-form-urlencoded.",
                body.Kind == BodyKind.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status415UnsupportedMediaType);

        if (body.Text("action") == "cancel")
            return Complete(state, session, () =>
                RedirectBack.Error(session.Request, "access_denied", "The member cancelled the login."));

        // Registered members and reset passwords count here too; the site's own form is where they verify.
        var email = body.Text("email");
        var member = members.Members.Authenticate(email, body.Text("password"))?.AsDemoMember();
        if (member is null)
            return LoginPage.Render(session.Id, session.Request.ClientId, state.Options,
                "Wrong email or password.", email);

        return Complete(state, session, () =>
        {
            var browser = state.StartBrowserSession(member);
            BrowserCookie.Write(context.Response, browser.Id);
            return RedirectBack.Success(session.Request, state.IssueCode(session.Request, member));
        });
    }

    private static IResult Silent(HttpContext context, EmulatorState state, LoginSession session)
    {
        var browser = state.FindBrowserSession(BrowserCookie.Read(context.Request));
        return Complete(state, session, () => browser is null
            ? RedirectBack.Error(session.Request, "login_required", "The member has no session; prompt=none cannot log in.")
            : RedirectBack.Success(session.Request, state.IssueCode(session.Request, browser.Member)));
    }

    private static IResult Logout(HttpContext context, EmulatorState state, LogoutSession session)
    {
        if (!state.TryComplete(session)) return Unknown();
        state.EndBrowserSession(BrowserCookie.Read(context.Request));
        BrowserCookie.Delete(context.Response);
        return Results.Redirect(session.PostFlowUrl);
    }

    /// <summary>Completing the Redirect Session first makes its outcome happen once, even under a double submit.</summary>
    private static IResult Complete(EmulatorState state, RedirectSession session, Func<string> outcome) =>
        state.TryComplete(session) ? Results.Redirect(outcome()) : Unknown();

    private static RedirectSession? Find(HttpContext context, EmulatorState state)
    {
        var id = context.Request.Query["rs"];
        return id.Count == 1 && id[0] is { } rs ? state.FindRedirectSession(rs) : null;
    }

    private static IResult Unknown() => Html.Message("Link not valid",
        "This login or logout link is unknown, has expired or was already used. Start again from the app.",
        StatusCodes.Status400BadRequest);

    private static void NoStore(HttpContext context) => context.Response.Headers.CacheControl = "no-store";
}
