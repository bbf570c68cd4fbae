namespace Wix.Auth.Core.Protocol;

/// <summary>The strings Wix's API uses for the protocol's enumerations and paths.</summary>
public static class WireNames
{
    /// <summary>The token endpoint.</summary>
    public const string TokenPath = "/oauth2/token";

    /// <summary>The Redirect Sessions endpoint (login and logout URLs).</summary>
    public const string RedirectSessionPath = "/_api/redirects-api/v1/redirect-session";

    /// <summary>The default API base URL.</summary>
    public const string DefaultBaseUrl = "https://www.wixapis.com";

    /// <summary><c>fragment</c>, <c>query</c> or <c>web_message</c>.</summary>
    public static string ToWire(this ResponseMode mode) => mode switch
    {
        ResponseMode.Query => "query",
        ResponseMode.WebMessage => "web_message",
        _ => "fragment",
    };

    /// <summary><c>login</c> or <c>none</c>.</summary>
    public static string ToWire(this Prompt prompt) => prompt == Prompt.None ? "none" : "login";

    /// <summary>What a request is called in telemetry: its grant type, or <c>login</c> and <c>logout</c> for Redirect Sessions.</summary>
    public static string OperationOf(WixRequest request) => request switch
    {
        WixRequest.AnonymousGrant g => g.GrantType,
        WixRequest.AuthorizationCodeGrant g => g.GrantType,
        WixRequest.RefreshTokenGrant g => g.GrantType,
        WixRequest.LoginSession => "login",
        WixRequest.LogoutSession => "logout",
        _ => "other",
    };
}
