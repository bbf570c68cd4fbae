using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Credentials;

namespace Wix.Auth.Core.Flow;

/// <summary>What happened: the host's requests and the answers of the world to the core's effects.</summary>
/// <remarks>Events that need the time carry it as <c>Now</c>; the core has no clock.</remarks>
public abstract record LoginEvent
{
    private LoginEvent() { }

    /// <summary>The host asked for a login URL (<c>getAuthUrl</c>) for this OAuth data.</summary>
    public sealed record LoginRequested(OAuthData Data, Prompt Prompt, ResponseMode ResponseMode, DateTimeOffset Now) : LoginEvent;

    /// <summary>The host asked for visitor tokens (<c>generateVisitorTokens</c>).</summary>
    public sealed record VisitorTokensRequested(DateTimeOffset Now) : LoginEvent;

    /// <summary>Wix granted visitor tokens.</summary>
    public sealed record VisitorTokensReceived(TokenResponse Response, DateTimeOffset Now) : LoginEvent;

    /// <summary>Wix created the login Redirect Session; <paramref name="AuthUrl"/> is its <c>fullUrl</c>.</summary>
    public sealed record LoginSessionCreated(string AuthUrl) : LoginEvent;

    /// <summary>The member came back to the redirect URI with these parameters.</summary>
    public sealed record CallbackReceived(CallbackParams Params, DateTimeOffset Now) : LoginEvent;

    /// <summary>Wix exchanged the code for the member's tokens.</summary>
    public sealed record CodeExchanged(TokenResponse Response, DateTimeOffset Now) : LoginEvent;

    /// <summary>The host is about to use the tokens and asks that they be refreshed if they are (nearly) expired.</summary>
    public sealed record RefreshRequested(DateTimeOffset Now) : LoginEvent;

    /// <summary>Wix refreshed the tokens.</summary>
    public sealed record TokensRefreshed(TokenResponse Response, DateTimeOffset Now) : LoginEvent;

    /// <summary>The host asked to log out (<c>logout</c>), returning to <paramref name="PostLogoutUrl"/> afterwards.</summary>
    public sealed record LogoutRequested(string PostLogoutUrl) : LoginEvent;

    /// <summary>Wix created the logout Redirect Session; <paramref name="LogoutUrl"/> is its <c>fullUrl</c>.</summary>
    public sealed record LogoutSessionCreated(string LogoutUrl) : LoginEvent;

    /// <summary>The call to Wix that the last effect asked for failed.</summary>
    public sealed record RemoteCallFailed(WixError Error) : LoginEvent;
}
