using Wix.Auth.Emulator.Model;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>
/// <c>POST /oauth2/token</c> with <c>grant_type=authorized_client</c>: member tokens for a trusted back end that
/// holds an API key. <c>Authorization</c> is <c>"&lt;access token&gt;,&lt;API key&gt;"</c> (or <c>",&lt;API key&gt;"</c>
/// when the SDK holds no token); the body is snake_case and has no client ID: the client is the API key's.
/// With <c>session_token</c> (from Sign On) the token must belong to that member and is used up.
/// </summary>
internal static class ExternalLoginGrant
{
    public static IResult Handle(HttpContext context, RequestBody body, EmulatorState state, MemberAuthState auth)
    {
        var header = context.Request.Headers.Authorization;
        var (token, apiKey) = header.Count == 1 && header[0] is { } value ? IamRequest.Split(value, withApiKey: true) : (null, null);
        if (apiKey is null || !auth.ApiKeys.TryGetValue(apiKey, out var key))
            return OAuthError.InvalidClient("An API key is required in Authorization (\"<access token>,<API key>\").");
        if (token is not null && state.ActiveAccessToken(token)?.ClientId is var caller && caller != key.ClientId)
            return OAuthError.InvalidClient("The access token is unknown, expired or belongs to another app than the API key.");
        if (!key.CanLogInMembers)
            return OAuthError.Result(StatusCodes.Status403Forbidden, "unauthorized_client", "API key lacks permission");

        var memberId = body.Text("member_id", "memberId");
        if (memberId is null) return OAuthError.InvalidRequest("member_id is required.");
        var scope = body.Text("scope");
        if (scope is not null && scope != "offline_access")
            return OAuthError.Result(StatusCodes.Status400BadRequest, "invalid_scope", "The only scope is offline_access.");
        var sessionToken = body.Text("session_token", "sessionToken");

        var member = auth.Members.FindById(memberId);
        if (member is null) return OAuthError.InvalidGrant("No member with this member_id.");
        if (!member.Approved) return OAuthError.InvalidGrant("The member waits for the site owner's approval.");
        if (sessionToken is not null)
        {
            var ticket = auth.SessionTokens.Take(sessionToken);
            if (ticket is null || ticket.MemberId != member.Id || ticket.ClientId != key.ClientId)
                return OAuthError.InvalidGrant("The session token is unknown, expired, used, or not this member's.");
        }

        var pair = state.IssueTokens(key.ClientId, Subject.For(member.AsDemoMember()));
        return Endpoints.TokenEndpoint.Ok(state, pair);
    }
}
