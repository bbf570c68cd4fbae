using LanguageExt;
using Wix.Auth.Core.Errors;

namespace Wix.Auth.Tests.Unit.Errors;

/// <summary>What a failure asks of the member or the site's owner, decided in the core for every host.</summary>
public sealed class FailureKindTests
{
    private static WixError Answered(int status, string code = "x") => new(code, Option<string>.None, status, Option<string>.None);

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    [InlineData(429)]
    public void A_Wix_failure_that_passes_by_itself_is_try_again_later(int status) =>
        Assert.Equal(FailureKind.TryAgainLater, Failures.KindOf(new AuthError.RemoteCallFailed(Answered(status))));

    [Fact]
    public void No_answer_and_an_unavailable_store_are_try_again_later()
    {
        Assert.Equal(FailureKind.TryAgainLater, Failures.KindOf(new AuthError.RemoteCallFailed(WixError.Of(WixError.NetworkError))));
        Assert.Equal(FailureKind.TryAgainLater, Failures.KindOf(new AuthError.StoreUnavailable()));
    }

    [Fact]
    public void Wix_refusing_the_sites_own_request_is_misconfigured_but_a_spent_code_is_start_again()
    {
        Assert.Equal(FailureKind.Misconfigured, Failures.KindOf(new AuthError.RemoteCallFailed(Answered(400, "INVALID_REDIRECT_URI"))));
        Assert.Equal(FailureKind.Misconfigured, Failures.KindOf(new AuthError.RemoteCallFailed(Answered(401, "invalid_client"))));
        Assert.Equal(FailureKind.StartAgain, Failures.KindOf(new AuthError.RemoteCallFailed(Answered(400, Failures.InvalidGrant))));
    }

    [Fact]
    public void What_the_member_can_only_start_again_is_start_again()
    {
        Assert.Equal(FailureKind.StartAgain, Failures.KindOf(new AuthError.StateMismatch()));
        Assert.Equal(FailureKind.StartAgain, Failures.KindOf(new AuthError.AuthorizationDenied("access_denied", "")));
    }
}
