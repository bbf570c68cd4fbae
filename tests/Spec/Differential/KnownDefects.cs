using System.Text.RegularExpressions;
using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Parsing;

namespace Wix.Auth.Tests.Spec.Differential;

/// <summary>
/// Disagreements with <c>@wix/sdk</c> that are defects of our parser (it promises to read every URL as
/// <c>new URL()</c> + <c>URLSearchParams</c> do), reported to the lead and awaiting a fix in the core, which this
/// branch may not edit. Each must still reproduce: when the core is fixed, the differential test fails until
/// its entry is removed here (and spec/ is regenerated). They are not deliberate differences.
/// </summary>
internal static class KnownDefects
{
    // The hosts the WHATWG parser reads as numbers (IPv4), brackets (IPv6), punycode or escapes: where ours is lenient.
    private static readonly Regex SuspectHost = new(@"^\[|xn--|%|(^|\.)(0x[0-9a-f]*|[0-9]+)\.?$", RegexOptions.IgnoreCase);

    private static string HostOf(string url)
    {
        var rest = url.Trim();
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        rest = scheme < 0 ? rest : rest[(scheme + 3)..];
        var end = rest.IndexOfAny(['/', '\\', '?', '#']);
        var authority = end < 0 ? rest : rest[..end];
        var host = authority[(authority.LastIndexOf('@') + 1)..];
        var port = host.StartsWith('[') ? host.IndexOf(':', Math.Max(0, host.IndexOf(']'))) : host.IndexOf(':');
        return port < 0 ? host : host[..port];
    }

    /// <summary>A defect: what it is, and which (URL, mode, ours, SDK's) it explains.</summary>
    public sealed record Defect(string Description, Func<string, string, Either<AuthError, CallbackParams>, SdkParse, bool> Explains);

    /// <summary>
    /// The WHATWG host parser rejects hosts ours accepts: invalid IPv4 (<c>256.256.256.256</c>, <c>1.2.3.4.5</c>,
    /// <c>999999999999</c>, <c>a.1</c>), invalid IPv6 (<c>[1:2:3]</c>), invalid punycode (<c>xn--a</c>), and escapes that
    /// decode to forbidden host code points (<c>a%2Fb</c>, <c>a%00b</c>). Ours reads these as URLs (and then their parameters); the SDK throws.
    /// </summary>
    public static readonly Defect LenientHost = new(
        "host the WHATWG parser rejects (bad IPv4/IPv6, bad punycode, escaped forbidden code point): the SDK throws, ours reads the URL",
        (url, _, ours, sdk) => sdk.Threw && ours.Match(_ => true, e => e is not (AuthError.InvalidUrl or AuthError.UrlTooLong or AuthError.InvalidSettings))
            && SuspectHost.IsMatch(HostOf(url)));

    public static readonly IReadOnlyList<Defect> All = [LenientHost];
}
