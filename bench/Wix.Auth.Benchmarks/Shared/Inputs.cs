namespace Wix.Auth.Benchmarks.Shared;

/// <summary>
/// The inputs every benchmark and the side-by-side comparison use, so ours and the SDK's loops see the same
/// strings (bench/js/sdk-bench.mjs holds the same literals).
/// </summary>
internal static class Inputs
{
    public const string RedirectUri = "http://localhost:3000/callback";
    public const string OriginalUri = "http://localhost:3000/orig";
    public const string PostLogoutUrl = "http://localhost:3000/bye";

    // Shaped like the emulator's: a 43-character state (base64url of 32 bytes) and an opaque code.
    public const string State = "z6gltxLzOp1XHkrl_DxvriEjA6p02FC61RLysp3_3CY";
    public const string Code = "OAUTH2.code-7c1f5a0e2b9d4c8aa3f6e1d0b5c9a8f7";

    public const string FragmentSuccess = RedirectUri + "#code=" + Code + "&state=" + State;
    public const string QuerySuccess = RedirectUri + "?code=" + Code + "&state=" + State;
    public const string FragmentError = RedirectUri + "#error=access_denied&error_description=The%20member%20cancelled%20the%20login.&state=" + State;
    public const string QueryError = RedirectUri + "?error=access_denied&error_description=The%20member%20cancelled%20the%20login.&state=" + State;
}
