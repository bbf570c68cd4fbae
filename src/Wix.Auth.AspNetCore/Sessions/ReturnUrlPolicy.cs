namespace Wix.Auth.AspNetCore.Sessions;

/// <summary>
/// Where a member may be sent after login: a local path, or a URL on one of the allowed origins. Everything else — absolute
/// URLs elsewhere, protocol-relative <c>//evil</c>, <c>/\evil</c>, any backslash or control character, and the same
/// tricks percent-encoded — is refused, because browsers read those as another site.
/// </summary>
internal static class ReturnUrlPolicy
{
    private const int MaxDecodings = 3;

    /// <summary>True when <paramref name="returnUrl"/> is safe to redirect to.</summary>
    public static bool IsAllowed(string? returnUrl, IEnumerable<string> allowedOrigins)
    {
        if (string.IsNullOrEmpty(returnUrl) || !HasOnlySafeCharacters(returnUrl)) return false;
        if (IsLocal(returnUrl)) return DecodedFormsStayLocal(returnUrl);
        // A prefix match on the exact origin and a slash: no URL parser gets a say in which host this is.
        return allowedOrigins.Any(origin => returnUrl == origin || returnUrl.StartsWith(origin.TrimEnd('/') + "/", StringComparison.Ordinal))
            && DecodedFormsStaySafe(returnUrl);
    }

    /// <summary><paramref name="returnUrl"/> when allowed, else <paramref name="fallback"/>.</summary>
    public static string OrDefault(string? returnUrl, IEnumerable<string> allowedOrigins, string fallback) =>
        IsAllowed(returnUrl, allowedOrigins) ? returnUrl! : fallback;

    private static bool IsLocal(string url) => url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\'));

    // Browsers treat '\' as '/', and drop tabs and newlines anywhere in a URL.
    private static bool HasOnlySafeCharacters(string url) => !url.Any(c => c == '\\' || char.IsControl(c));

    // Something along the way (a proxy, a framework, the app itself) may decode the URL again.
    private static bool DecodedFormsStayLocal(string url) => DecodedForms(url).All(d => HasOnlySafeCharacters(d) && IsLocal(d));

    private static bool DecodedFormsStaySafe(string url) => DecodedForms(url).All(HasOnlySafeCharacters);

    private static IEnumerable<string> DecodedForms(string url)
    {
        for (var (i, current) = (0, url); i < MaxDecodings; i++)
        {
            var decoded = Uri.UnescapeDataString(current);
            if (decoded == current) yield break;
            yield return current = decoded;
        }
    }
}
