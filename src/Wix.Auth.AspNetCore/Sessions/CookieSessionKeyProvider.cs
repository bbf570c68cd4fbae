using Microsoft.AspNetCore.Http;

namespace Wix.Auth.AspNetCore.Sessions;

/// <summary>The session of the current request is the one its member-session cookie names; without one, a key that holds nothing.</summary>
internal sealed class CookieSessionKeyProvider(IHttpContextAccessor accessor, MemberSessionCookie cookie) : IWixSessionKeyProvider
{
    /// <inheritdoc />
    public string CurrentSessionKey() =>
        accessor.HttpContext is { } context ? cookie.KeyOf(context.Request) ?? SessionId.NoSession : SessionId.NoSession;
}
