namespace Wix.Auth.Core.Credentials;

/// <summary>Whose tokens these are, as <c>@wix/sdk</c> records it on the refresh token.</summary>
public enum TokenRole
{
    /// <summary>Not known (e.g. tokens set by hand without a role).</summary>
    None,

    /// <summary>An anonymous visitor's tokens (grant <c>anonymous</c>).</summary>
    Visitor,

    /// <summary>A logged-in member's tokens (grant <c>authorization_code</c> and its refreshes).</summary>
    Member,
}
