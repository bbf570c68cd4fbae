using Wix.Auth.Core.Protocol;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Core.Flow;

/// <summary>What must happen in the world, as data; the effects layer carries it out and reports back with an event.</summary>
public abstract record LoginEffect
{
    private LoginEffect() { }

    /// <summary>Get anonymous tokens; answer <see cref="LoginEvent.VisitorTokensReceived"/>.</summary>
    public sealed record ObtainVisitorTokens(WixRequest.AnonymousGrant Request) : LoginEffect;

    /// <summary>Keep the pending login until its callback, for the TTL at most.</summary>
    public sealed record StorePendingLogin(PendingLogin Pending) : LoginEffect;

    /// <summary>Forget the pending login with this <c>state</c>: a state is used once.</summary>
    public sealed record DeletePendingLogin(string State) : LoginEffect;

    /// <summary>Create the login Redirect Session; answer <see cref="LoginEvent.LoginSessionCreated"/>.</summary>
    public sealed record CreateLoginSession(WixRequest.LoginSession Request) : LoginEffect;

    /// <summary>Send the browser to this URL.</summary>
    public sealed record Redirect(string Url) : LoginEffect;

    /// <summary>Exchange the code for tokens; answer <see cref="LoginEvent.CodeExchanged"/>. Single-use: never retried blindly.</summary>
    public sealed record ExchangeCode(WixRequest.AuthorizationCodeGrant Request) : LoginEffect;

    /// <summary>Refresh the member's tokens; answer <see cref="LoginEvent.TokensRefreshed"/>.</summary>
    public sealed record RefreshTokens(WixRequest.RefreshTokenGrant Request) : LoginEffect;

    /// <summary>Keep these tokens as the client's active tokens.</summary>
    public sealed record StoreTokens(TokenPair Tokens) : LoginEffect;

    /// <summary>Create the logout Redirect Session; answer <see cref="LoginEvent.LogoutSessionCreated"/>.</summary>
    public sealed record CreateLogoutSession(WixRequest.LogoutSession Request) : LoginEffect;

    /// <summary>Forget the client's tokens.</summary>
    public sealed record ClearTokens : LoginEffect;
}
