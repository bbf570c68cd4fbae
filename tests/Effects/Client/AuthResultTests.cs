using Wix.Auth.Core.Errors;
using Wix.Auth.Effects.Client;

namespace Wix.Auth.Effects.Tests.Client;

public sealed class AuthResultTests
{
    private static readonly AuthError Mismatch = new AuthError.StateMismatch();

    [Fact]
    public void A_success_holds_its_value_and_no_error()
    {
        AuthResult<int> result = 42;
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
        AuthResult<string> result = Mismatch;
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
        Assert.Equal(AuthResult<int>.Success(1), 1);
        Assert.NotEqual(AuthResult<int>.Success(1), 2);
        Assert.Equal(AuthResult<int>.Failure(new AuthError.StateMismatch()), Mismatch);
        Assert.NotEqual(AuthResult<int>.Failure(new AuthError.NoPendingLogin()), Mismatch);
        Assert.NotEqual(AuthResult<int>.Success(0), Mismatch);
    }

    [Fact]
    public void A_result_made_by_no_call_cannot_be_read_and_a_failure_needs_an_error()
    {
        Assert.Throws<InvalidOperationException>(() => default(AuthResult<int>).IsSuccess);
        Assert.Throws<ArgumentNullException>(() => AuthResult<int>.Failure(null!));
    }

    [Fact]
    public void LanguageExt_users_get_the_same_outcome_as_Either_and_Fin()
    {
        Assert.Equal(Right<AuthError, int>(7), AuthResult<int>.Success(7).ToEither());
        Assert.Equal(Left<AuthError, int>(Mismatch), AuthResult<int>.Failure(Mismatch).ToEither());
        Assert.Equal(7, AuthResult<int>.Success(7).ToFin().ThrowIfFail());
        var fail = AuthResult<int>.Failure(Mismatch).ToFin();
        Assert.True(fail.IsFail);
        Assert.Same(Mismatch, Assert.IsType<AuthExpectedError>((LanguageExt.Common.Error)fail).Failure);
    }
}
