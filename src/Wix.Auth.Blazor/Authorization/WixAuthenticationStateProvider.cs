using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Wix.Auth.Blazor;
using Wix.Auth.Core.Flow;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Blazor;

/// <summary>
/// The member as Blazor's authorization sees it (<c>&lt;AuthorizeView&gt;</c>, <c>[Authorize]</c>): authenticated while the
/// session's state is a logged-in member (<see cref="LoginQueries.IsMember"/>, the core's answer), anonymous otherwise.
/// It announces a new state whenever the session's state changes — a login, a refresh, a refused refresh, a logout —
/// since every one of them goes through <see cref="BrowserSessionStore"/>; with <c>localStorage</c>, in another tab too.
/// </summary>
public sealed class WixAuthenticationStateProvider : AuthenticationStateProvider, IDisposable
{
    /// <summary>The authentication type of a member's identity.</summary>
    public const string AuthenticationType = "WixMember";

    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));
    private static readonly AuthenticationState Member = new(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, "member")], AuthenticationType)));

    private readonly BrowserSessionStore sessions;
    private readonly string sessionKey;

    /// <summary>The state of the session <paramref name="sessionKey"/> in <paramref name="sessions"/>.</summary>
    public WixAuthenticationStateProvider(BrowserSessionStore sessions, string sessionKey = WixAuthClient.DefaultSessionKey)
    {
        (this.sessions, this.sessionKey) = (sessions, sessionKey);
        sessions.Changed += OnChanged;
    }

    /// <inheritdoc />
    /// <remarks>Storage that cannot be read counts as no member: the app shows its anonymous face, never an error.</remarks>
    public override async Task<AuthenticationState> GetAuthenticationStateAsync()
    {
        try
        {
            await sessions.WatchOtherTabsAsync();
            return await sessions.GetAsync(sessionKey, CancellationToken.None) is { } state && LoginQueries.IsMember(state) ? Member : Anonymous;
        }
        catch (StoreUnavailableException)
        {
            return Anonymous;
        }
    }

    /// <inheritdoc />
    public void Dispose() => sessions.Changed -= OnChanged;

    private void OnChanged() => NotifyAuthenticationStateChanged(GetAuthenticationStateAsync());
}
