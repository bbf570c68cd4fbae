
namespace Wix.Auth;

/// <summary>Which session's tokens the current scope uses: a web host answers with the member's session cookie.</summary>
public interface IWixSessionKeyProvider
{
    /// <summary>The session key of the current scope.</summary>
    string CurrentSessionKey();
}

/// <summary>One session for the whole process: console apps and services acting for one user.</summary>
public sealed class SingleSessionKey : IWixSessionKeyProvider
{
    /// <inheritdoc />
    public string CurrentSessionKey() => WixAuthClient.DefaultSessionKey;
}
