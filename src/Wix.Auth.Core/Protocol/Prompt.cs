namespace Wix.Auth.Core.Protocol;

/// <summary>Whether Wix may show its login page.</summary>
public enum Prompt
{
    /// <summary>Show the login page (<c>login</c>, the SDK's default).</summary>
    Login,

    /// <summary>Silent login (<c>none</c>): succeeds only when the member already has a Wix session, else <c>login_required</c>.</summary>
    None,
}
