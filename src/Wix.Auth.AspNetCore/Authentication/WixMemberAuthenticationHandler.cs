using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Endpoints;
using Wix.Auth.AspNetCore.Sessions;
using Wix.Auth.Core.Flow;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.AspNetCore;

/// <summary>
/// Makes the member of a session a <see cref="ClaimsPrincipal"/>: a request is authenticated when its session cookie names a
/// session whose stored state is a logged-in member (<see cref="LoginQueries.IsMember"/>). The member's Wix member ID (and contact ID
/// where Wix gave it) are claims too (<see cref="WixMemberDefaults.MemberIdClaim"/>), from the same stored state
/// (<see cref="LoginQueries.MemberIdentityOf"/>): one read of the store, no cookie to open. A challenge sends a browser to the login endpoint, and back afterwards.
/// </summary>
internal sealed class WixMemberAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    MemberSessionCookie sessionCookie, ISessionStore tokens, WixAuthRoutes routes)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (sessionCookie.KeyOf(Request) is not { } key) return AuthenticateResult.NoResult();
        var stored = await tokens.GetAsync(key, Context.RequestAborted);
        if (stored is null || !LoginQueries.IsMember(stored)) return AuthenticateResult.NoResult();
        // Only claims that stay the same for the whole session: antiforgery tokens are bound to them.
        List<Claim> claims = [new Claim(ClaimTypes.NameIdentifier, key), new Claim(WixMemberDefaults.SessionClaim, key)];
        if (LoginQueries.MemberIdentityOf(stored).Case is Core.Protocol.MemberIdentity member)
        {
            claims.Add(new Claim(WixMemberDefaults.MemberIdClaim, member.MemberId));
            if (member.ContactId is { } contact) claims.Add(new Claim(WixMemberDefaults.ContactIdClaim, contact));
        }
        var identity = new ClaimsIdentity(claims, WixMemberDefaults.AuthenticationScheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!HttpMethods.IsGet(Request.Method) || routes.Prefix is null) return base.HandleChallengeAsync(properties);
        var returnUrl = properties.RedirectUri ?? Request.PathBase + Request.Path + Request.QueryString;
        Response.Redirect(routes.LoginPath(Request) + QueryString.Create("returnUrl", returnUrl));
        return Task.CompletedTask;
    }
}
