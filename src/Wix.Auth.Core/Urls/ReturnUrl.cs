using System.Buffers;
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
/// <c>spec/return-urls.md</c> is the algorithm, step by step; this is a reading of it. What is accepted is safe to put in
/// a <c>Location</c> header as it is returned: printable ASCII only. Characters outside it that browsers would encode
/// themselves (spaces, non-ASCII letters in a path or query) are percent-encoded as UTF-8; control characters and
/// backslashes are refused, because browsers drop or reinterpret them; so are <c>//host</c> and <c>/\host</c>, also once
/// to three times percent-decoded, since something along the way may decode again, and so is a decoded form that is not
/// UTF-8. A host is ASCII, compared as written but for case; a host a browser would rewrite is refused.
/// </remarks>
public static class ReturnUrl
{
    /// <summary>The longest URL accepted, in characters after percent-encoding; far above any real return URL.</summary>
    public const int MaxLength = 2048;

    private static readonly SearchValues<char> RefusedCharacters = SearchValues.Create(
        "\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"
        + "\u007f\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008d\u008e\u008f\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009d\u009e\u009f");

    /// <summary>Accepts a local path or an absolute http(s) URL without user information (the shape only, any origin).</summary>
    public static Validation<AuthError, string> Validate(string url) =>
        Shape(url).Match(_ => Success<AuthError, string>(url), e => Fail<AuthError, string>(e));

    /// <summary>
    /// The Location-safe form of <paramref name="url"/> when it is local, or on the origin of <paramref name="redirectUri"/>,
    /// or on one of <paramref name="allowedOrigins"/> (<c>scheme://host[:port]</c>, compared case-insensitively).
    /// </summary>
    public static Either<AuthError, string> Check(string url, Option<string> redirectUri, Seq<string> allowedOrigins) =>
        Shape(url).Bind(shaped => shaped.Origin is not { } origin || Allowed(origin, redirectUri, allowedOrigins)
            ? Right<AuthError, string>(shaped.Safe)
            : Left<AuthError, string>(new AuthError.DisallowedOrigin(origin)));

    /// <summary>An accepted URL made absolute: a local path is resolved on the origin of <paramref name="redirectUri"/>.</summary>
    public static Either<AuthError, string> Absolute(string acceptedUrl, Option<string> redirectUri) =>
        acceptedUrl.StartsWith('/')
            ? redirectUri.Bind(HttpOrigin.Of).Map(origin => origin + acceptedUrl).ToEither<AuthError>(() => new AuthError.InvalidReturnUrl())
            : Right<AuthError, string>(acceptedUrl);

    /// <summary>
    /// True when <paramref name="origin"/> is an origin a host may allow: <c>scheme://host[:port]</c>, http(s), with
    /// nothing after it but slashes, written as its own origin but for case (no default port, no leading zero in the port),
    /// in ASCII (an internationalised host in its <c>xn--</c> form).
    /// </summary>
    public static bool IsOrigin(string origin) =>
        HttpOrigin.Read(origin, out var end) is { } read && origin.AsSpan(end).IndexOfAnyExcept('/') < 0
        && read.Equals(origin[..end], StringComparison.OrdinalIgnoreCase);

    // The redirect URI's origin and the URL's are both as HttpOrigin writes them; an allowed origin is as configured.
    private static bool Allowed(string origin, Option<string> redirectUri, Seq<string> allowedOrigins) =>
        redirectUri.Bind(HttpOrigin.Of).Exists(own => own == origin)
        || allowedOrigins.Exists(o => o.AsSpan().TrimEnd('/').Equals(origin, StringComparison.OrdinalIgnoreCase));

    // The safe form, and the origin when the URL is absolute (null for a local path).
    private sealed record Shaped(string Safe, string? Origin);

    private static Either<AuthError, Shaped> Shape(string url)
    {
        if (url.Length is 0 or > MaxLength || url.AsSpan().IndexOfAny(RefusedCharacters) >= 0) return new AuthError.InvalidReturnUrl();
        if (Encode(url) is not { Length: <= MaxLength } safe || !DecodedForms.AreSafe(safe)) return new AuthError.InvalidReturnUrl();
        if (safe[0] == '/') return safe is ['/', '/', ..] ? new AuthError.InvalidReturnUrl() : new Shaped(safe, null);
        return HttpOrigin.Read(safe, out _) is { } origin ? new Shaped(safe, origin) : new AuthError.InvalidReturnUrl();
    }

    // Printable ASCII stays; every other character becomes the escapes of its UTF-8 bytes; a lone surrogate makes it null.
    private static string? Encode(string url)
    {
        if (url.AsSpan().IndexOfAnyExceptInRange('!', '~') < 0) return url;
        var builder = new StringBuilder(url.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        for (var rest = url.AsSpan(); !rest.IsEmpty;)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != OperationStatus.Done) return null;
            rest = rest[consumed..];
            if (rune.Value is >= '!' and <= '~') { builder.Append((char)rune.Value); continue; }
            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)]) builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
