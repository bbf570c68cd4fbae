using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Tests.Unit.Credentials;

public sealed class TokenTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-01-01T00:00:00.750Z");
    private static readonly Secret OldRefresh = new("RT-old");

    [Fact]
    public void Expiry_is_the_whole_second_of_now_plus_expires_in_as_the_sdk_computes_it()
    {
        var tokens = new TokenResponse(new Secret("AT"), Some(new Secret("RT")), 14_400).ToTokens(Now, TokenRole.Member);
        Assert.Equal(DateTimeOffset.Parse("2026-01-01T04:00:00Z"), tokens.AccessToken.ExpiresAt);
        Assert.Equal((new Secret("AT"), new Secret("RT"), TokenRole.Member), (tokens.AccessToken.Value, tokens.RefreshToken.Value, tokens.Role));
    }

    [Fact]
    public void A_refresh_answer_with_a_refresh_token_rotates_it() =>
        Assert.Equal(new Secret("RT-new"), new TokenResponse(new Secret("AT"), Some(new Secret("RT-new")), 60).ToTokens(Now, TokenRole.Member, OldRefresh).RefreshToken.Value);

    [Fact]
    public void A_refresh_answer_without_a_refresh_token_keeps_the_old_one() =>
        Assert.Equal(OldRefresh, new TokenResponse(new Secret("AT"), None, 60).ToTokens(Now, TokenRole.Member, OldRefresh).RefreshToken.Value);

    [Fact]
    public void A_refresh_answer_with_an_empty_refresh_token_keeps_the_old_one() =>
        Assert.Equal(OldRefresh, new TokenResponse(new Secret("AT"), Some(new Secret("")), 60).ToTokens(Now, TokenRole.Member, OldRefresh).RefreshToken.Value);

    [Fact]
    public void Without_a_previous_token_an_empty_one_stays_empty()
    {
        Assert.True(new TokenResponse(new Secret("AT"), Some(new Secret("")), 60).ToTokens(Now, TokenRole.Visitor).RefreshToken.Value.IsEmpty);
        Assert.True(new TokenResponse(new Secret("AT"), None, 60).ToTokens(Now, TokenRole.Visitor).RefreshToken.Value.IsEmpty);
    }

    [Theory]
    [InlineData(1, 0, false)]          // a second before expiry, no margin: still good
    [InlineData(0, 0, true)]           // at expiry: expired (the SDK waits one more second, when Wix may already refuse it)
    [InlineData(-1, 0, true)]
    [InlineData(61, 60, false)]        // with the margin: refreshed from 60 s before expiry
    [InlineData(60, 60, true)]
    [InlineData(59, 60, true)]
    public void A_token_is_expired_from_its_expiry_minus_the_margin(int secondsBeforeExpiry, int marginSeconds, bool expired)
    {
        var expiresAt = DateTimeOffset.Parse("2026-01-01T04:00:00Z");
        var token = new AccessToken(new Secret("AT"), expiresAt);
        Assert.Equal(expired, token.IsExpired(expiresAt.AddSeconds(-secondsBeforeExpiry), TimeSpan.FromSeconds(marginSeconds)));
    }

    [Fact]
    public void Printed_tokens_show_no_secret()
    {
        var printed = new TokenResponse(new Secret("AT-secret"), Some(new Secret("RT-secret")), 60).ToTokens(Now, TokenRole.Member).ToString();
        Assert.DoesNotContain("secret", printed);
    }
}
