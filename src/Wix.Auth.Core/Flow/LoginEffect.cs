using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Core.Flow;

/// <summary>
/// What must happen in the world, as data. Two kinds: a <see cref="OneWay"/> effect is carried out and nothing comes
/// back; a <see cref="Call"/> is answered by exactly one of its own answer events, success or failure, which the
/// effects layer feeds back to the transition. A <see cref="Decision"/> holds at most one call.
/// </summary>
public abstract record LoginEffect
{
    private LoginEffect() { }

    /// <summary>An effect that is carried out without an answer.</summary>
    public abstract record OneWay : LoginEffect
    {
        private protected OneWay() { }
    }

    /// <summary>An effect whose outcome the flow waits for: answered by one of its answer events.</summary>
    public abstract record Call : LoginEffect
    {
        private protected Call() { }
    }

    /// <summary>Keep the pending login until its callback, for <paramref name="TimeToLive"/> (the settings' TTL) at most.</summary>
    public sealed record StorePendingLogin(PendingLogin Pending, TimeSpan TimeToLive) : OneWay;

    /// <summary>Forget the pending login with this <c>state</c>: a newer login replaced it, or the attempt ended.</summary>
    public sealed record DeletePendingLogin(string State) : OneWay;

    /// <summary>Send the browser to this URL: the answer the host gets from the run (<c>getAuthUrl</c>, <c>logout</c>).</summary>
    public sealed record Redirect(string Url) : OneWay;

    /// <summary>Get anonymous tokens; answered by <see cref="LoginEvent.VisitorTokensReceived"/> or <see cref="LoginEvent.VisitorTokensFailed"/>.</summary>
    public sealed record ObtainVisitorTokens(WixRequest.AnonymousGrant Request) : Call;

    /// <summary>Create the login Redirect Session; answered by <see cref="LoginEvent.LoginSessionCreated"/> or <see cref="LoginEvent.LoginSessionFailed"/>.</summary>
    public sealed record CreateLoginSession(WixRequest.LoginSession Request) : Call;

    /// <summary>
    /// Remove the pending login with this <c>state</c> from the store, durably and for one taker only, before its code is
    /// exchanged; answered by <see cref="LoginEvent.PendingLoginTaken"/> or <see cref="LoginEvent.PendingLoginGone"/>.
    /// </summary>
    public sealed record TakePendingLogin(string State) : Call;

    /// <summary>
    /// Exchange the code for tokens; answered by <see cref="LoginEvent.CodeExchanged"/> or <see cref="LoginEvent.CodeExchangeFailed"/>.
    /// The code is single-use: never retried blindly.
    /// </summary>
    public sealed record ExchangeCode(WixRequest.AuthorizationCodeGrant Request) : Call;

    /// <summary>Refresh the member's tokens; answered by <see cref="LoginEvent.TokensRefreshed"/> or <see cref="LoginEvent.RefreshFailed"/>.</summary>
    public sealed record RefreshTokens(WixRequest.RefreshTokenGrant Request) : Call;

    /// <summary>
    /// Ask Wix's token info whose the member's access token is; answered by <see cref="LoginEvent.MemberIdentityReceived"/>
    /// or <see cref="LoginEvent.MemberIdentityFetchFailed"/>.
    /// </summary>
    public sealed record FetchMemberIdentity(MemberAuthRequest.TokenInfo Request) : Call;

    /// <summary>Create the logout Redirect Session; answered by <see cref="LoginEvent.LogoutSessionCreated"/> or <see cref="LoginEvent.LogoutSessionFailed"/>.</summary>
    public sealed record CreateLogoutSession(WixRequest.LogoutSession Request) : Call;
}
