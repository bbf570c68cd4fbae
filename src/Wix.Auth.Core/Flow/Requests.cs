using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Core.Flow;

/// <summary>The requests of the protocol page, built from the flow's data.</summary>
public static class Requests
{
    /// <summary>Visitor tokens.</summary>
    public static WixRequest.AnonymousGrant VisitorTokens(FlowSettings settings) => new(settings.ClientId);

    /// <summary>The login Redirect Session, sent with the visitor's access token.</summary>
    public static WixRequest.LoginSession LoginSession(FlowSettings settings, PendingLogin pending, TokenPair visitor) =>
        new(visitor.AccessToken.Value,
            new AuthRequest(
                RedirectUri: pending.Data.RedirectUri,
                ClientId: settings.ClientId,
                CodeChallenge: pending.Data.CodeChallenge,
                CodeChallengeMethod: Pkce.ChallengeMethod,
                ResponseMode: pending.ResponseMode.ToWire(),
                ResponseType: "code",
                Scope: "offline_access",
                State: pending.Data.State)
            {
                SessionToken = pending.Method is LoginMethod.WithSessionToken t ? Some(t.SessionToken) : None,
                Idp = pending.Method is LoginMethod.Social s ? Some(s.Provider) : None,
            },
            pending.Prompt.ToWire());

    /// <summary>The code exchange, bound to the login's redirect URI and verifier.</summary>
    public static WixRequest.AuthorizationCodeGrant ExchangeCode(FlowSettings settings, OAuthData data, Secret code) =>
        new(settings.ClientId, data.RedirectUri, code, data.CodeVerifier);

    /// <summary>A refresh of these tokens.</summary>
    public static WixRequest.RefreshTokenGrant Refresh(FlowSettings settings, TokenPair tokens) =>
        new(settings.ClientId, tokens.RefreshToken.Value);

    /// <summary>Token info for the member's access token: whose it is.</summary>
    public static MemberAuthRequest.TokenInfo TokenInfo(TokenPair member) => new(member.AccessToken.Value);

    /// <summary>The logout Redirect Session, sent with the member's access token.</summary>
    public static WixRequest.LogoutSession LogoutSession(FlowSettings settings, Secret memberAccessToken, string postLogoutUrl) =>
        new(memberAccessToken, settings.ClientId, postLogoutUrl);
}
