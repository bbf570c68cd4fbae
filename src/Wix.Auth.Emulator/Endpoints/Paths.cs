namespace Wix.Auth.Emulator.Endpoints;

/// <summary>The paths Wix serves these endpoints at, and the emulator's reserved admin prefix.</summary>
internal static class Paths
{
    public const string Token = "/oauth2/token";
    public const string TokenInfo = "/oauth2/token-info";
    public const string RedirectSession = "/_api/redirects-api/v1/redirect-session";
    public const string Authorize = "/_api/oauth2/authorize";
    public const string MembersMy = "/members/v1/members/my";
    public const string Admin = "/_emulator";

    public static EmulatorEndpoint? Classify(PathString path) => path.Value?.TrimEnd('/') switch
    {
        Token => EmulatorEndpoint.Token,
        TokenInfo => EmulatorEndpoint.TokenInfo,
        RedirectSession => EmulatorEndpoint.RedirectSession,
        Authorize => EmulatorEndpoint.Authorize,
        MembersMy => EmulatorEndpoint.Members,
        var other => MemberAuth.MemberPaths.Classify(other),
    };

    public static bool IsAdmin(PathString path) => path.StartsWithSegments(Admin);
}
