namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>The paths of the identity endpoints, as <c>@wix/sdk</c> calls them, and the stand-in provider page.</summary>
internal static class MemberPaths
{
    public const string Login = "/_api/iam/authentication/v2/login";
    public const string Register = "/_api/iam/authentication/v2/register";
    public const string SignOn = "/_api/iam/authentication/v2/sign-on";
    public const string Verify = "/_api/iam/verification/v1/auth/verify";
    public const string SendRecoveryEmail = "/_api/iam/recovery/v1/send-email";
    public const string Recover = "/_api/iam/recovery/v1/recover";
    public const string IdentityProvider = "/_idp/authorize";

    public static EmulatorEndpoint? Classify(string? path) => path switch
    {
        Login => EmulatorEndpoint.Login,
        Register => EmulatorEndpoint.Register,
        SignOn => EmulatorEndpoint.SignOn,
        Verify => EmulatorEndpoint.Verify,
        SendRecoveryEmail => EmulatorEndpoint.SendRecoveryEmail,
        Recover => EmulatorEndpoint.Recover,
        IdentityProvider => EmulatorEndpoint.IdentityProvider,
        _ => null,
    };
}
