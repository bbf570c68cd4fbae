namespace Wix.Auth.Emulator.Model;

/// <summary>
/// The OAuth authorization request inside a login Redirect Session. <see cref="RedirectUri"/> is null only for
/// <c>web_message</c> (direct login sends none); <see cref="SessionToken"/> and <see cref="Idp"/> are the site's
/// own login form and social login (see <c>MemberAuth/MemberAuthorize.cs</c>).
/// </summary>
internal sealed record AuthRequest(
    string ClientId,
    string? RedirectUri,
    string CodeChallenge,
    ResponseMode ResponseMode,
    string? State,
    Prompt Prompt,
    string? SessionToken = null,
    string? Idp = null);

/// <summary>Where the login result goes back: <c>#…</c>, <c>?…</c>, or a <c>postMessage</c> to the parent window.</summary>
internal enum ResponseMode { Fragment, Query, WebMessage }

/// <summary>Whether the login page asks for credentials, or answers at once from the browser session.</summary>
internal enum Prompt { Login, None }

/// <summary>A created Redirect Session; its <c>fullUrl</c> opens the authorize page.</summary>
internal abstract record RedirectSession(string Id, DateTimeOffset ExpiresAt);

/// <summary>A login (<c>auth</c> intent) session.</summary>
internal sealed record LoginSession(string Id, DateTimeOffset ExpiresAt, AuthRequest Request)
    : RedirectSession(Id, ExpiresAt);

/// <summary>A <c>logout</c> intent session.</summary>
internal sealed record LogoutSession(string Id, DateTimeOffset ExpiresAt, string ClientId, string PostFlowUrl)
    : RedirectSession(Id, ExpiresAt);

/// <summary>The emulator's own "Wix session" of a browser, held in a cookie.</summary>
internal sealed record BrowserSession(string Id, DemoMember Member);
