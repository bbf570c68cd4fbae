using System.Text;
using Wix.Auth.Emulator.Model;
using Wix.Auth.Emulator.Pages;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>
/// A stand-in for Google's or Facebook's consent page, at <c>/_idp/authorize?rs=…</c>: the visitor names the
/// account (an email) and continues, or cancels. The provider vouches for the email, so it counts as verified; an
/// unknown email becomes a new member (approved unless the owner-approval switch is on).
/// </summary>
internal static class IdentityProviderPage
{
    public static IResult Get(HttpContext context, EmulatorState state, MemberAuthState auth)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (Find(context, state, auth) is not var (session, provider)) return MemberAuthorize.Unknown();
        return Render(session, provider);
    }

    public static IResult Post(HttpContext context, EmulatorState state, MemberAuthState auth, OAuthApps apps)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (Find(context, state, auth) is not var (session, provider)) return MemberAuthorize.Unknown();
        var body = RequestBody.Of(context);
        if (body.Kind != BodyKind.Form)
            return Html.Message("Cannot continue", "The form must be posted as application/x-www-form-urlencoded.",
                StatusCodes.Status415UnsupportedMediaType);
        if (body.Text("action") == "cancel")
        {
            if (!state.TryComplete(session)) return MemberAuthorize.Unknown();
            return Results.Redirect(RedirectBack.Error(session.Request, "access_denied", $"The member cancelled at {provider}."));
        }

        var email = body.Text("email")?.Trim();
        if (email is null || !IamFields.IsEmail(email))
            return Render(session, provider, "Enter a valid email address.", email);
        var member = auth.Members.FindByEmail(email) ?? Create(auth, email, body.Text("name"));
        if (member is null) return Html.Message("Cannot continue", "The emulator holds as many members as it may.", StatusCodes.Status429TooManyRequests);
        if (!member.EmailVerified)
            member = auth.Members.Update(member.Id, auth.Now, m => m with { EmailVerified = true }) ?? member;
        if (!member.Approved)
        {
            if (!state.TryComplete(session)) return MemberAuthorize.Unknown();
            return Results.Redirect(RedirectBack.Error(session.Request, "access_denied", "The member waits for the site owner's approval."));
        }
        return MemberAuthorize.LogIn(context, state, apps, session, member);
    }

    private static MemberAccount? Create(MemberAuthState auth, string email, string? name)
    {
        var now = auth.Now;
        var id = Guid.NewGuid().ToString();
        var parts = (name ?? "").Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var member = new MemberAccount(id, MemberAccount.ContactIdOf(id), email, Secrets.New("unusable-"),
            parts.ElementAtOrDefault(0) ?? "", parts.ElementAtOrDefault(1) ?? "", (name ?? "").Trim(),
            EmailVerified: true, Approved: !auth.Switches.RequireOwnerApproval, PasswordResetRequired: false,
            Profile: null, now, now, 1);
        return auth.Members.TryRegister(member) switch
        {
            Registration.Created => member,
            Registration.EmailExists => auth.Members.FindByEmail(email),
            _ => null,
        };
    }

    private static (LoginSession Session, string Provider)? Find(HttpContext context, EmulatorState state, MemberAuthState auth)
    {
        var id = context.Request.Query["rs"];
        return id.Count == 1 && id[0] is { } rs && state.FindRedirectSession(rs) is LoginSession { Request.Idp: { } idp } session &&
               auth.Options.IdentityProviders.TryGetValue(idp, out var provider)
            ? (session, provider)
            : null;
    }

    private static IResult Render(LoginSession session, string provider, string? error = null, string? email = null)
    {
        var body = new StringBuilder();
        body.Append($"<p>The emulator's stand-in for <strong>{Html.Encode(provider)}</strong>: choose the account to continue to " +
                    $"<strong>{Html.Encode(session.Request.ClientId)}</strong> with.</p>");
        if (error is not null) body.Append($"<p role=\"alert\" id=\"idp-error\">{Html.Encode(error)}</p>");
        var action = $"{MemberPaths.IdentityProvider}?rs={Uri.EscapeDataString(session.Id)}";
        body.Append($"""
            <form method="post" action="{Html.Encode(action)}">
            <label for="email">{Html.Encode(provider)} account email</label>
            <input id="email" name="email" type="email" autocomplete="email" required value="{Html.Encode(email ?? "")}">
            <label for="name">Name (for a new account)</label>
            <input id="name" name="name" type="text" autocomplete="name">
            <button type="submit" name="action" value="continue">Continue</button>
            <button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
            </form>
            """);
        return Html.Page($"Sign in with {provider}", body.ToString());
    }
}
