using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Effects.Tests.Client;

public sealed class AuthResultTests
{
    private static readonly AuthError Mismatch = new AuthError.StateMismatch();

    [Fact]
    public void A_success_holds_its_value_and_no_error()
    {
        AuthResult<int, AuthError> result = 42;
        Assert.True(result.IsSuccess);
        Assert.Equal(42, result.Value);
        Assert.Null(result.Error);
        Assert.True(result.TryGetValue(out var value, out var error));
        Assert.Equal((42, (AuthError?)null), (value, error));
        var (v, e) = result;
        Assert.Equal((42, (AuthError?)null), (v, e));
        Assert.Equal("43", result.Match(x => (x + 1).ToString(), err => err.Code));
        Assert.Equal(43, result.Map(x => x + 1).Value);
        Assert.Equal("Success", result.ToString());
    }

    [Fact]
    public void A_failure_holds_its_error_with_its_code_and_reading_the_value_throws()
    {
        AuthResult<string, AuthError> result = Mismatch;
        Assert.False(result.IsSuccess);
        Assert.Equal("state_mismatch", result.Error.Code);
        Assert.Contains("state_mismatch", Assert.Throws<InvalidOperationException>(() => result.Value).Message);
        Assert.False(result.TryGetValue(out var value, out var error));
        Assert.Null(value);
        Assert.Same(Mismatch, error);
        var (v, e) = result;
        Assert.Equal((null, Mismatch), (v, e));
        Assert.Equal("state_mismatch", result.Match(x => x, err => err.Code));
        Assert.Same(Mismatch, result.Map(x => x.Length).Error);
        Assert.Equal("Failure(state_mismatch)", result.ToString());
    }

    [Fact]
    public void Results_are_equal_when_their_outcomes_are()
    {
        Assert.Equal(AuthResult<int, AuthError>.Success(1), 1);
        Assert.NotEqual(AuthResult<int, AuthError>.Success(1), 2);
        Assert.Equal(AuthResult<int, AuthError>.Failure(new AuthError.StateMismatch()), Mismatch);
        Assert.NotEqual(AuthResult<int, AuthError>.Failure(new AuthError.NoPendingLogin()), Mismatch);
        Assert.NotEqual(AuthResult<int, AuthError>.Success(0), Mismatch);
    }

    [Fact]
    public void A_result_made_by_no_call_is_a_failure_that_says_so_and_reading_it_never_throws()
    {
        var flow = default(AuthResult<int, AuthError>);
        Assert.False(flow.IsSuccess);
        Assert.IsType<AuthError.NoResult>(flow.Error);
        Assert.Equal("no_result", flow.Error.Code);
        Assert.Equal("Failure(no_result)", flow.ToString());
        Assert.False(flow.TryGetValue(out _, out var error));
        Assert.Equal("no_result", error.Code);
        Assert.Equal("no_result", flow.Match(_ => "", e => e.Code));
        Assert.Contains("no_result", Assert.Throws<InvalidOperationException>(() => flow.Value).Message);
        Assert.Equal(default(AuthResult<int, AuthError>), AuthResult<int, AuthError>.Failure(new AuthError.NoResult()));

        var forms = default(AuthResult<MemberAuthStep, MemberAuthError>);
        Assert.False(forms.IsSuccess);
        Assert.IsType<MemberAuthError.NoResult>(forms.Error);
        Assert.Equal("no_result", default(AuthResult<bool, IdentityFailure>).Error!.Code);
    }

    [Fact]
    public void A_failure_needs_an_error()
    {
        Assert.Throws<ArgumentNullException>(() => AuthResult<int, AuthError>.Failure(null!));
    }
}
