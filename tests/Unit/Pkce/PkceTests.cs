using Wix.Auth.Core.Errors;
using Wix.Auth.Core.OAuth;
using PkceFunctions = Wix.Auth.Core.OAuth.Pkce;

namespace Wix.Auth.Tests.Unit.Pkce;

public sealed class PkceTests
{
    private static byte[] Entropy(int length, byte start = 0) => Enumerable.Range(start, length).Select(i => (byte)i).ToArray();

    [Fact]
    public void Rfc7636_appendix_B_vector()
    {
        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", PkceFunctions.CodeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"));
    }

    [Fact]
    public void Challenge_of_a_verifier_wix_sdk_generated_matches_the_one_it_sent()
    {
        Assert.Equal("6hV6Bm_KuZPbqN4V4tJkjBAgxiPyBvqKezzRI51AXJ8", PkceFunctions.CodeChallenge("ImC.0CJrgXpPQRB6eV7wK1NK4XIRNMaZO-2cdL0-WRq"));
    }

    [Fact]
    public void Generated_data_uses_the_entropy_for_a_64_char_verifier_and_a_43_char_state()
    {
        var data = Expect(PkceFunctions.GenerateOAuthData("http://localhost:3000/callback", "http://localhost:3000/orig", Entropy(80)));

        Assert.Equal("http://localhost:3000/callback", data.RedirectUri);
        Assert.Equal(Some("http://localhost:3000/orig"), data.OriginalUri);
        // Bytes 0-47 are the verifier and bytes 48-79 the state, each base64url without padding.
        Assert.Equal("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v", data.CodeVerifier.Reveal());
        Assert.Equal(64, data.CodeVerifier.Reveal().Length);
        Assert.Equal("MDEyMzQ1Njc4OTo7PD0-P0BBQkNERUZHSElKS0xNTk8", data.State);
        Assert.Equal(43, data.State.Length);
        Assert.Equal(PkceFunctions.CodeChallenge(data.CodeVerifier.Reveal()), data.CodeChallenge);
        Assert.True(PkceFunctions.IsValidVerifier(data.CodeVerifier.Reveal()));
    }

    [Fact]
    public void Different_entropy_gives_different_verifier_and_state()
    {
        var a = Expect(PkceFunctions.GenerateOAuthData("https://a.example/cb", None, Entropy(80)));
        var b = Expect(PkceFunctions.GenerateOAuthData("https://a.example/cb", None, Entropy(80, 1)));
        Assert.NotEqual(a.CodeVerifier, b.CodeVerifier);
        Assert.NotEqual(a.State, b.State);
    }

    [Theory]
    [InlineData("com.example.app:/oauth2redirect")]   // native apps' private-use schemes (RFC 8252 §7.1)
    [InlineData("HTTPS://A.EXAMPLE/cb")]              // a scheme in capitals is still written out
    [InlineData("http://127.0.0.1:49152/callback")]
    [InlineData("https://a.example/cb?x=1")]
    public void Absolute_redirect_uris_without_a_fragment_are_accepted(string redirectUri) =>
        Assert.Equal(redirectUri, Expect(PkceFunctions.GenerateOAuthData(redirectUri, None, Entropy(80))).RedirectUri);

    [Theory]
    [InlineData("")]
    [InlineData("/callback")]
    [InlineData("callback")]
    [InlineData("https://a.example/cb#fragment")]
    [InlineData("https://a.example/cb#")]
    public void Empty_relative_or_fragment_redirect_uri_is_a_typed_error(string redirectUri)
    {
        var errors = ExpectErrors(PkceFunctions.GenerateOAuthData(redirectUri, None, Entropy(80)));
        Assert.Equal([new AuthError.InvalidRedirectUri()], errors.ToArray());
    }

    [Theory]
    [InlineData("c:/callback")]                       // a one-letter scheme: a drive letter to some readers
    [InlineData("https:callback")]                    // http(s) without "//" and a host
    [InlineData("https://a.example/c b")]             // a space: a browser encodes it, Wix compares the text
    [InlineData("https:\\\\a.example/cb")]             // a backslash: a browser reads it as '/'
    [InlineData("https://user@a.example/cb")]         // user information
    [InlineData("https://a.example:/cb")]             // an empty port
    [InlineData("https://a.example/x/../cb")]         // a dot segment: a browser goes to /cb
    [InlineData("javascript:alert(1)")]               // a browser's own scheme, never a callback
    public void Redirect_uris_a_browser_would_read_otherwise_than_wix_are_refused(string redirectUri) =>
        Assert.Equal([new AuthError.InvalidRedirectUri()], ExpectErrors(PkceFunctions.GenerateOAuthData(redirectUri, None, Entropy(80))).ToArray());

    [Fact]
    public void Only_the_first_80_bytes_of_entropy_are_used() =>
        Assert.Equal(Expect(PkceFunctions.GenerateOAuthData("https://a.example/cb", None, Entropy(80))),
            Expect(PkceFunctions.GenerateOAuthData("https://a.example/cb", None, Entropy(200))));

    [Fact]
    public void Base64url_has_no_padding_and_the_url_safe_alphabet() =>
        Assert.Equal("-__8", Base64Url.Encode([0xFB, 0xFF, 0xFC]));

    [Fact]
    public void Too_little_entropy_is_a_typed_error()
    {
        var errors = ExpectErrors(PkceFunctions.GenerateOAuthData("https://a.example/cb", None, Entropy(79)));
        Assert.Equal([new AuthError.InsufficientEntropy(80, 79)], errors.ToArray());
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("relative/path")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example/")]
    [InlineData("https://user@evil.example/")]
    public void Original_uri_must_be_a_local_path_or_absolute_http(string originalUri)
    {
        var errors = ExpectErrors(PkceFunctions.GenerateOAuthData("https://a.example/cb", originalUri, Entropy(80)));
        Assert.Equal([new AuthError.InvalidReturnUrl()], errors.ToArray());
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = ExpectErrors(PkceFunctions.GenerateOAuthData("", "//evil.example/", Entropy(3)));
        Assert.Equal(["invalid_redirect_uri", "invalid_return_url", "insufficient_entropy"], errors.Map(e => e.Code).ToArray());
    }

    [Theory]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", true)]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjX", false)] // 42 characters
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk+", false)]
    [InlineData("ImC.0CJrgXpPQRB6eV7wK1NK4XIRNMaZO-2cdL0-WRq~", true)]
    public void Verifier_rules_of_rfc7636(string verifier, bool valid) => Assert.Equal(valid, PkceFunctions.IsValidVerifier(verifier));

    [Theory]
    [InlineData(42, false)]
    [InlineData(43, true)]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public void Verifier_length_is_43_to_128(int length, bool valid) => Assert.Equal(valid, PkceFunctions.IsValidVerifier(new string('a', length)));

    [Theory]
    [InlineData('-', true)]
    [InlineData('.', true)]
    [InlineData('_', true)]
    [InlineData('~', true)]
    [InlineData('Z', true)]
    [InlineData('z', true)]
    [InlineData('0', true)]
    [InlineData('+', false)]
    [InlineData('/', false)]
    [InlineData('=', false)]
    [InlineData(' ', false)]
    [InlineData('é', false)]
    public void Verifier_characters_are_the_unreserved_ones(char c, bool valid) =>
        Assert.Equal(valid, PkceFunctions.IsValidVerifier(new string('a', 42) + c));

    [Fact]
    public void The_challenge_of_a_128_character_verifier_is_its_s256()
    {
        // An independent computation: the framework's SHA-256 and base64, made URL-safe by hand.
        var verifier = string.Concat(Enumerable.Repeat("aB3-._~", 19))[..128];
        var expected = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(expected, PkceFunctions.CodeChallenge(verifier));
    }

    [Fact]
    public void The_challenge_of_a_verifier_past_the_stack_buffer_is_its_s256_too()
    {
        var verifier = new string('v', 2000);
        var expected = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(expected, PkceFunctions.CodeChallenge(verifier));
    }

    private static OAuthData Expect(Validation<AuthError, OAuthData> result) =>
        result.Match(d => d, errors => throw new Xunit.Sdk.XunitException(string.Join(", ", errors.Map(e => e.Code))));

    private static Seq<AuthError> ExpectErrors(Validation<AuthError, OAuthData> result) =>
        result.Match(_ => throw new Xunit.Sdk.XunitException("expected errors"), errors => errors);
}
