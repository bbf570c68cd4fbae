using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Core.Parsing;

/// <summary>What Wix sent back to the redirect URI: an authorization code, or an error.</summary>
public abstract record CallbackParams
{
    private CallbackParams(string state, string? issuer) => (State, Issuer) = (state, issuer);

    /// <summary>The <c>state</c> Wix echoed; empty when an error response carried none.</summary>
    public string State { get; }

    /// <summary>The <c>iss</c> parameter (RFC 9207), kept when present.</summary>
    public string? Issuer { get; }

    /// <summary>The member logged in: <c>code</c> and <c>state</c>, both non-empty.</summary>
    public sealed record Granted(Secret Code, string State, string? Issuer) : CallbackParams(State, Issuer);

    /// <summary>The login failed: <c>error</c> (e.g. <c>access_denied</c>) and <c>error_description</c>.</summary>
    public sealed record Denied(string Error, string ErrorDescription, string State, string? Issuer) : CallbackParams(State, Issuer);
}
