namespace Wix.Auth.AspNetCore.Sessions;

/// <summary>The request's session cookie and its store key, kept on the request so the key is hashed once.</summary>
internal sealed record HashedSessionId(string? CookieText, string? Key);
