using PkceFunctions = Wix.Auth.Core.OAuth.Pkce;
using Wix.Auth.Core.Urls;

namespace Wix.Auth.Tests.Properties.Urls;

/// <summary>
/// The return-URL policy is safe by construction whatever it is given: an accepted URL is printable ASCII, a local one
/// never protocol-relative, an absolute one on the redirect URI's origin or an allowed one; nothing throws.
/// </summary>
public sealed class ReturnUrlProperties
{
    private const string RedirectUri = "https://shop.example/callback";
    private static readonly Seq<string> Allowed = Seq("https://partner.example", "http://127.0.0.1:3000/", "HTTPS://[::1]:8443");

    // Pieces that sit at the edges of each step: schemes, slashes, escapes (also of escapes), hosts of every kind, ports.
    private static readonly Gen<string> Piece = Gen.Elements(
        "https:", "http:", "HTTPS:", "ftp:", "javascript:", "/", "//", "\\", "%2F", "%2f", "%5C", "%25", "%252F", "%C0%AF", "%E9", "%C2%85", "%00",
        "%", "%2", "@", ":", "::", "?", "#", ".", "..", "[", "]", "[::1]", "shop.example", "SHOP.EXAMPLE", "partner.example", "127.0.0.1",
        "127.1", "0x7f", "evil.example", ":443", ":3000", ":8443", ":0443", ":65536", ":", " ", "\t", "é", "\uD83D\uDE00", "\uD800", "\u0085", "a", "0");

    private static readonly Gen<string> UrlLike =
        from count in Gen.Choose(1, 8)
        from pieces in Piece.ArrayOf(count)
        select string.Concat(pieces);

    [Property(MaxTest = 5000)]
    public Property An_accepted_return_url_never_leads_off_the_allowed_origins() =>
        Prop.ForAll(UrlLike.ToArbitrary(), url => ReturnUrl.Check(url, RedirectUri, Allowed).IfRight(safe =>
        {
            Assert.All(safe, c => Assert.InRange(c, '!', '~'));
            if (safe[0] == '/')
            {
                Assert.False(safe.StartsWith("//", StringComparison.Ordinal), safe);
                return;
            }
            var origin = HttpOrigin.Of(safe).IfNone(() => throw new Xunit.Sdk.XunitException($"'{safe}' was accepted without an origin."));
            Assert.True(origin == "https://shop.example" || Allowed.Exists(a => a.TrimEnd('/').Equals(origin, StringComparison.OrdinalIgnoreCase)), $"'{url}' was accepted on {origin}.");
        }));

    [Property(MaxTest = 3000)]
    public Property Any_string_gets_an_answer_and_no_exception() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            _ = ReturnUrl.Check(text ?? "", RedirectUri, Allowed);
            _ = PkceFunctions.IsValidRedirectUri(text ?? "");
            if (ReturnUrl.IsOrigin(text ?? "")) Assert.True(HttpOrigin.Of(text!).IsSome);
        });

    [Property(MaxTest = 3000)]
    public Property A_valid_allowed_origin_is_its_own_origin_but_for_case_and_slashes() =>
        Prop.ForAll(UrlLike.ToArbitrary(), text =>
        {
            if (ReturnUrl.IsOrigin(text))
                Assert.Equal(HttpOrigin.Of(text).IfNone(""), text.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);
            if (PkceFunctions.IsValidRedirectUri(text))
                Assert.DoesNotContain(text, c => c is '#' or '\\' or ' ' or > '~' or < '!');
        });
}
