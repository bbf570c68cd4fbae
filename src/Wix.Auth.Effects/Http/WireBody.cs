using System.Text.Json;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Effects.Http;

/// <summary>Serializes a core request to the exact JSON body <c>@wix/sdk</c> sends.</summary>
public static class WireBody
{
    /// <summary>The UTF-8 JSON body of <paramref name="request"/>.</summary>
    public static byte[] Serialize(WixRequest request) => request switch
    {
        WixRequest.AnonymousGrant r => JsonSerializer.SerializeToUtf8Bytes(new AnonymousGrantDto(r.ClientId, r.GrantType), WireJsonContext.Default.AnonymousGrantDto),
        WixRequest.AuthorizationCodeGrant r => JsonSerializer.SerializeToUtf8Bytes(
            new AuthorizationCodeGrantDto(r.ClientId, r.GrantType, r.RedirectUri, r.Code.Reveal(), r.CodeVerifier.Reveal()), WireJsonContext.Default.AuthorizationCodeGrantDto),
        WixRequest.RefreshTokenGrant r => JsonSerializer.SerializeToUtf8Bytes(
            new RefreshTokenGrantDto(r.ClientId, r.RefreshToken.Reveal(), r.GrantType), WireJsonContext.Default.RefreshTokenGrantDto),
        WixRequest.LoginSession r => JsonSerializer.SerializeToUtf8Bytes(
            new LoginSessionDto(new LoginSessionAuthDto(ToDto(r.AuthRequest), r.Prompt)), WireJsonContext.Default.LoginSessionDto),
        WixRequest.LogoutSession r => JsonSerializer.SerializeToUtf8Bytes(
            new LogoutSessionDto(new ClientIdDto(r.ClientId), new CallbacksDto(r.PostFlowUrl)), WireJsonContext.Default.LogoutSessionDto),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request.GetType().Name, "Unknown request."),
    };

    private static AuthRequestDto ToDto(AuthRequest a) =>
        new(a.RedirectUri, a.ClientId, a.CodeChallenge, a.CodeChallengeMethod, a.ResponseMode, a.ResponseType, a.Scope, a.State,
            a.SessionToken.Map(t => t.Reveal()).IfNoneUnsafe((string?)null), a.Idp.Map(i => i.Id).IfNoneUnsafe((string?)null));
}
