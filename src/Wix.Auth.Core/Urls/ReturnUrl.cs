using LanguageExt;
using Wix.Auth.Core.Errors;
using static LanguageExt.Prelude;

namespace Wix.Auth.Core.Urls;

/// <summary>
/// The rules for URLs a member is sent back to (the original URI after login, the post-logout URL):
/// absolute http(s), and inside the host's allowed origins when it names any — no open redirect.
/// </summary>
public static class ReturnUrl
{
    /// <summary>Accepts an absolute http or https URL without user information.</summary>
    public static Validation<AuthError, string> Validate(string url) =>
        Parse(url).Match(_ => Success<AuthError, string>(url), () => Fail<AuthError, string>(new AuthError.InvalidReturnUrl()));

    /// <summary>
    /// Accepts <paramref name="url"/> when it is valid and its origin is one of <paramref name="allowedOrigins"/>
    /// (compared as <c>scheme://host[:port]</c>, case-insensitively); an empty list allows every origin.
    /// </summary>
    public static Either<AuthError, string> Check(string url, Seq<string> allowedOrigins) =>
        Parse(url).Match(
            uri => allowedOrigins.IsEmpty || allowedOrigins.Exists(o => string.Equals(Origin(uri), o.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
                ? Right<AuthError, string>(url)
                : Left<AuthError, string>(new AuthError.DisallowedOrigin(Origin(uri))),
            () => Left<AuthError, string>(new AuthError.InvalidReturnUrl()));

    /// <summary>The origin of an absolute URL: <c>scheme://host</c>, plus <c>:port</c> when not the default.</summary>
    public static string Origin(Uri uri) => uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";

    private static Option<Uri> Parse(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.UserInfo.Length == 0
        && !string.IsNullOrEmpty(uri.Host)
        && !url.Contains('\\')
            ? Some(uri)
            : None;
}
