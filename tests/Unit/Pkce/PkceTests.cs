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
    public void Challenge_matches_the_one_wix_sdk_sent_in_the_wire_capture()
    {
        Assert.Equal("6hV6Bm_KuZPbqN4V4tJkjBAgxiPyBvqKezzRI51AXJ8", PkceFunctions.CodeChallenge("ImC.0CJrgXpPQRB6eV7wK1NK4XIRNMaZO-2cdL0-WRq"));
    }

    [Fact]
    public void Generated_data_uses_the_entropy_for_a_64_char_verifier_and_a_43_char_state()
    {
        var data = Expect(PkceFunctions.GenerateOAuthData("http://localhost:3000/callback", "http://localhost:3000/orig", Entropy(80)));

        Assert.Equal("http://localhost:3000/callback", data.RedirectUri);
        Assert.Equal(Some("http://localhost:3000/orig"), data.OriginalUri);
        Assert.Equal(Base64Url.Encode(Entropy(48)), data.CodeVerifier.Reveal());
        Assert.Equal(64, data.CodeVerifier.Reveal().Length);
        Assert.Equal(Base64Url.Encode(Entropy(32, 48)), data.State);
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

    [Fact]
    public void Custom_scheme_redirect_uris_of_native_apps_are_accepted()
    {
        Expect(PkceFunctions.GenerateOAuthData("com.example.app:/oauth2redirect", None, Entropy(80)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/callback")]
    [InlineData("callback")]
    [InlineData("https://a.example/cb#fragment")]
    public void Empty_relative_or_fragment_redirect_uri_is_a_typed_error(string redirectUri)
    {
        var errors = ExpectErrors(PkceFunctions.GenerateOAuthData(redirectUri, None, Entropy(80)));
        Assert.Equal([new AuthError.InvalidRedirectUri()], errors.ToArray());
    }

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

    [Fact]
    public void Verifier_of_129_characters_is_too_long() => Assert.False(PkceFunctions.IsValidVerifier(new string('a', 129)));

    private static OAuthData Expect(Validation<AuthError, OAuthData> result) =>
        result.Match(d => d, errors => throw new Xunit.Sdk.XunitException(string.Join(", ", errors.Map(e => e.Code))));

    private static Seq<AuthError> ExpectErrors(Validation<AuthError, OAuthData> result) =>
        result.Match(_ => throw new Xunit.Sdk.XunitException("expected errors"), errors => errors);
}
