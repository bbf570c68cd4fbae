using System.Text;
using LanguageExt;
using Wix.Auth.Core.Errors;
using static LanguageExt.Prelude;

namespace Wix.Auth.Core.Urls;

/// <summary>
/// The one policy for URLs a member is sent back to — the original URI after login, the post-logout URL, a web host's
/// <c>returnUrl</c>: a local path (<c>/cart</c>), or an absolute http(s) URL on the redirect URI's own origin or on
/// one of the origins the host allows. Secure by default: with no allowed origins, only the site itself.
/// </summary>
/// <remarks>
/// What is accepted is safe to put in a <c>Location</c> header as it is returned: printable ASCII only. Characters
/// outside it that browsers would encode themselves (spaces, non-ASCII letters in a path or query) are percent-encoded
/// as UTF-8; control characters and backslashes are refused, because browsers drop or reinterpret them; so are
/// <c>//host</c> and <c>/\host</c>, also once or twice percent-decoded, since something along the way may decode again.
/// A non-ASCII host is never on an allowed origin (origins are configured in ASCII), so it is refused.
/// </remarks>
public static class ReturnUrl
{
    /// <summary>The longest URL accepted, in characters after percent-encoding; far above any real return URL.</summary>
    public const int MaxLength = 2048;

    private const int MaxDecodings = 3;

    /// <summary>Accepts a local path or an absolute http(s) URL without user information (the shape only, any origin).</summary>
    public static Validation<AuthError, string> Validate(string url) =>
        Shape(url).Match(_ => Success<AuthError, string>(url), e => Fail<AuthError, string>(e));

    /// <summary>
    /// The Location-safe form of <paramref name="url"/> when it is local, or on the origin of <paramref name="redirectUri"/>,
    /// or on one of <paramref name="allowedOrigins"/> (<c>scheme://host[:port]</c>, compared case-insensitively).
    /// </summary>
    public static Either<AuthError, string> Check(string url, Option<string> redirectUri, Seq<string> allowedOrigins) =>
        Shape(url).Bind(shaped => shaped.Uri.Case is Uri uri
            ? Allowed(Origin(uri), redirectUri, allowedOrigins) ? Right<AuthError, string>(shaped.Safe) : Left<AuthError, string>(new AuthError.DisallowedOrigin(Origin(uri)))
            : Right<AuthError, string>(shaped.Safe));

    /// <summary>An accepted URL made absolute: a local path is resolved on the origin of <paramref name="redirectUri"/>.</summary>
    public static Either<AuthError, string> Absolute(string acceptedUrl, Option<string> redirectUri) =>
        acceptedUrl.StartsWith('/')
            ? redirectUri.Bind(OriginOf).Map(origin => origin + acceptedUrl).ToEither<AuthError>(() => new AuthError.InvalidReturnUrl())
            : Right<AuthError, string>(acceptedUrl);

    /// <summary>
    /// True when <paramref name="origin"/> is an origin a host may allow: <c>scheme://host[:port]</c>, http(s), in ASCII (an
    /// internationalised host in its <c>xn--</c> form: return URLs are compared once percent-encoded, so a Unicode origin
    /// could never match), nothing more.
    /// </summary>
    public static bool IsOrigin(string origin) =>
        origin.All(char.IsAscii) && Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0
        && string.Equals(Origin(uri), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    /// <summary>The origin of an absolute URL: <c>scheme://host</c>, plus <c>:port</c> when not the default.</summary>
    public static string Origin(Uri uri) => uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";

    private static Option<string> OriginOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? Some(Origin(uri)) : None;

    private static bool Allowed(string origin, Option<string> redirectUri, Seq<string> allowedOrigins) =>
        redirectUri.Bind(OriginOf).Exists(own => string.Equals(own, origin, StringComparison.OrdinalIgnoreCase))
        || allowedOrigins.Exists(o => string.Equals(origin, o.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    private sealed record Shaped(string Safe, Option<Uri> Uri);

    private static Either<AuthError, Shaped> Shape(string url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength) return new AuthError.InvalidReturnUrl();
        var safe = Encode(url);
        if (safe is null || safe.Length > MaxLength || DecodedForms(safe).Exists(d => !HasOnlySafeCharacters(d))) return new AuthError.InvalidReturnUrl();
        if (safe[0] == '/')
            return IsLocal(safe) && DecodedForms(safe).ForAll(IsLocal) ? new Shaped(safe, None) : new AuthError.InvalidReturnUrl();
        return Uri.TryCreate(safe, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0
               && !string.IsNullOrEmpty(uri.Host) && safe.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase)
            ? new Shaped(safe, Some(uri))
            : new AuthError.InvalidReturnUrl();
    }

    private static bool IsLocal(string url) => url.Length > 0 && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\'));

    // Browsers treat '\' as '/', and drop tabs and newlines anywhere in a URL.
    private static bool HasOnlySafeCharacters(string url) => !url.Any(c => c == '\\' || char.IsControl(c));

    // Spaces and non-ASCII become UTF-8 percent escapes; control characters, backslashes and lone surrogates make it null.
    private static string? Encode(string url)
    {
        if (!HasOnlySafeCharacters(url)) return null;
        var builder = new StringBuilder(url.Length);
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (c is > ' ' and < '\u007f') { builder.Append(c); continue; }
            var length = char.IsHighSurrogate(c) && i + 1 < url.Length && char.IsLowSurrogate(url[i + 1]) ? 2 : 1;
            if (length == 1 && char.IsSurrogate(c)) return null;
            foreach (var b in Encoding.UTF8.GetBytes(url.Substring(i, length))) builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            i += length - 1;
        }
        return builder.ToString();
    }

    private static Seq<string> DecodedForms(string url)
    {
        var forms = Seq<string>();
        for (var (i, current) = (0, url); i < MaxDecodings; i++)
        {
            var decoded = Uri.UnescapeDataString(current);
            if (decoded == current) break;
            forms = forms.Add(current = decoded);
        }
        return forms;
    }
}
