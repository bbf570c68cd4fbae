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

    public static TheoryData<AuthError, FailureReason> Reasons => new()
    {
        { new AuthError.AuthorizationDenied("access_denied", "cancelled"), FailureReason.Cancelled },
        { new AuthError.AuthorizationDenied("server_error", ""), FailureReason.Denied },
        { new AuthError.PendingLoginExpired(), FailureReason.Expired },
        { new AuthError.StateMismatch(), FailureReason.NotThisBrowsersLogin },
        { new AuthError.IssuerMismatch(), FailureReason.NotThisBrowsersLogin },
        { new AuthError.NoPendingLogin(), FailureReason.NotThisBrowsersLogin },
        { new AuthError.CallbackAlreadyReceived(), FailureReason.NotThisBrowsersLogin },
        { new AuthError.StoreUnavailable(), FailureReason.StoreUnavailable },
        { new AuthError.RemoteCallFailed(new WixError("INVALID_REDIRECT_URI", Option<string>.None, 400, Option<string>.None)), FailureReason.Misconfigured },
        { new AuthError.RemoteCallFailed(new WixError(Failures.InvalidGrant, Option<string>.None, 400, Option<string>.None)), FailureReason.CodeSpent },
        { new AuthError.RemoteCallFailed(WixError.Of(WixError.Timeout)), FailureReason.WixUnavailable },
        { new AuthError.MissingParameter("code"), FailureReason.Unreadable },
        { new AuthError.DuplicateParameter("state"), FailureReason.Unreadable },
        { new AuthError.InvalidUrl(), FailureReason.Unreadable },
        { new AuthError.UrlTooLong(8192), FailureReason.Unreadable },
        { new AuthError.NotAuthenticated(), FailureReason.Other },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Each_failure_has_the_reason_a_member_is_told(AuthError error, FailureReason reason) => Assert.Equal(reason, Failures.ReasonOf(error));

    [Fact]
    public void Wixs_answer_is_found_in_every_failed_call_and_nowhere_else()
    {
        var wix = Answered(503, "busy");

        Assert.Equal(Option<WixError>.Some(wix), Failures.WixAnswerOf(new AuthError.RemoteCallFailed(wix)));
        Assert.Equal(Option<WixError>.Some(wix), Failures.WixAnswerOf(new AuthError.RefreshRejected(wix)));
        Assert.Equal(Option<WixError>.Some(wix), Failures.WixAnswerOf(new AuthError.RefreshUnavailable(wix)));
        Assert.Equal(Option<WixError>.None, Failures.WixAnswerOf(new AuthError.StoreUnavailable()));
        Assert.Equal(wix, Failures.AsWixError(new AuthError.RemoteCallFailed(wix)));
        Assert.Equal(new WixError("store_unavailable", new AuthError.StoreUnavailable().Message, Option<int>.None, Option<string>.None),
            Failures.AsWixError(new AuthError.StoreUnavailable()));
    }

    [Fact]
    public void An_expired_login_and_an_ended_session_are_told_apart_from_the_rest()
    {
        Assert.True(Failures.IsExpiredLogin(new AuthError.PendingLoginExpired()));
        Assert.False(Failures.IsExpiredLogin(new AuthError.NoPendingLogin()));
        Assert.True(Failures.EndedTheSession(new AuthError.RefreshRejected(Answered(400, Failures.InvalidGrant))));
        Assert.False(Failures.EndedTheSession(new AuthError.RefreshUnavailable(Answered(503))));
    }
}
