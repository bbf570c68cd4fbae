using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Secrets;
using PkceFunctions = Wix.Auth.Core.OAuth.Pkce;

namespace Wix.Auth.Tests.Unit.Pkce;

public sealed class SecretTests
{
    [Fact]
    public void A_secret_prints_as_a_mask() => Assert.Equal("***", new Secret("AT-very-secret").ToString());

    [Fact]
    public void Records_holding_secrets_print_masks_only()
    {
        var entropy = Enumerable.Range(0, 80).Select(i => (byte)(i * 7)).ToArray();
        var data = PkceFunctions.GenerateOAuthData("https://a.example/cb", None, entropy).Match(d => d, _ => throw new InvalidOperationException());
        var printed = data.ToString();
        Assert.DoesNotContain(data.CodeVerifier.Reveal(), printed);
        Assert.Contains("CodeVerifier = ***", printed);
        Assert.Contains(data.State, printed); // the state travels in URLs anyway; it is not a credential
    }

    [Fact]
    public void Secrets_compare_by_value()
    {
        Assert.Equal(new Secret("abc"), new Secret("abc"));
        Assert.NotEqual(new Secret("abc"), new Secret("abd"));
        Assert.True(default(Secret).IsEmpty);
        Assert.Equal("", default(Secret).Reveal());
    }

    [Fact]
    public void Operators_and_object_equality_compare_values()
    {
        Assert.True(new Secret("abc") == new Secret("abc"));
        Assert.False(new Secret("abc") == new Secret("abd"));
        Assert.True(new Secret("abc") != new Secret("ab"));
        Assert.False(new Secret("abc") != new Secret("abc"));
        Assert.True(new Secret("abc").Equals((object)new Secret("abc")));
        Assert.False(new Secret("abc").Equals((object)"abc"));
        Assert.Equal(default(Secret), new Secret(""));
        Assert.Equal(default(Secret), new Secret(null));
        Assert.False(new Secret("x").IsEmpty);
        Assert.Equal("x", "x".AsSecret().Reveal());
    }

    [Fact]
    public void Fixed_time_comparison_is_value_equality()
    {
        Assert.True(Secret.FixedTimeEquals("state-1", "state-1"));
        Assert.False(Secret.FixedTimeEquals("state-1", "state-2"));
        Assert.False(Secret.FixedTimeEquals("state-1", "state-10"));
    }

    [Fact]
    public void Hash_code_does_not_depend_on_the_value() =>
        Assert.Equal(new Secret("a").GetHashCode(), new Secret("b").GetHashCode());
}
