namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// What the host can actually send as a redirect, whatever the return-URL policy allowed: visible ASCII only (Kestrel
/// refuses anything else in a <c>Location</c> header, and would answer 500 after the code is spent), and short enough that
/// the login cookie carrying it stays well under the 4,096 bytes browsers keep.
/// </summary>
internal static class RedirectTarget
{
    /// <summary>The longest return URL carried through a login.</summary>
    public const int MaxLength = 2048;

    /// <summary><paramref name="url"/> when it can be sent as it is, else <paramref name="fallback"/>.</summary>
    public static string OrDefault(string url, string fallback) =>
        url.Length is > 0 and <= MaxLength && url.All(c => c is > ' ' and < '\x7f') ? url : fallback;
}
