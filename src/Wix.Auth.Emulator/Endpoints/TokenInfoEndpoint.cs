using System.Globalization;
using Wix.Auth.Emulator.Model;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.Endpoints;

/// <summary><c>POST /oauth2/token-info</c>: introspects an access token; anything else is <c>{"active":false}</c>.</summary>
internal static class TokenInfoEndpoint
{
    public static IResult Handle(HttpContext context, EmulatorState state)
    {
        var body = RequestBody.Of(context);
        if (body.Kind is not (BodyKind.Json or BodyKind.Form)) return OAuthError.ForUnreadable(body);
        var token = body.Text("token");
        if (token is null) return OAuthError.InvalidRequest("token is required.");

        var grant = state.ActiveAccessToken(token);
        if (grant is null) return EmulatorJson.Result(new InactiveInfo(false));
        return EmulatorJson.Result(
            new ActiveInfo(
                true,
                grant.Subject.Type == SubjectType.Member ? "MEMBER" : "VISITOR",
                grant.Subject.Id,
                UnixSeconds(grant.ExpiresAt),
                UnixSeconds(grant.IssuedAt),
                grant.ClientId,
                state.Options.SiteId));
    }

    // Wix serialises int64 values as JSON strings.
    private static string UnixSeconds(DateTimeOffset at) =>
        at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    internal sealed record InactiveInfo(bool Active);

    internal sealed record ActiveInfo(
        bool Active, string SubjectType, string SubjectId, string Exp, string Iat, string ClientId, string SiteId);
}
