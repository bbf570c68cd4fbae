using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Tests.Unit.Protocol;

public sealed class RetryDelayTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [Fact]
    public void Retry_after_in_seconds_is_waited_out_instead_of_the_backoff() =>
        Assert.Equal(TimeSpan.FromSeconds(3), RetryDelay.Before(TimeSpan.FromSeconds(3), null, Now, Backoff, Cap));

    [Fact]
    public void Retry_after_as_a_date_is_the_time_until_it() =>
        Assert.Equal(TimeSpan.FromSeconds(5), RetryDelay.Before(null, Now.AddSeconds(5), Now, Backoff, Cap));

    [Fact]
    public void Without_retry_after_the_backoff_is_waited() =>
        Assert.Equal(Backoff, RetryDelay.Before(null, null, Now, Backoff, Cap));

    [Fact]
    public void A_date_already_past_waits_nothing_and_no_answer_holds_a_call_past_the_cap()
    {
        Assert.Equal(TimeSpan.Zero, RetryDelay.Before(null, Now.AddSeconds(-5), Now, Backoff, Cap));
        Assert.Equal(Cap, RetryDelay.Before(TimeSpan.FromHours(1), null, Now, Backoff, Cap));
        Assert.Equal(Cap, RetryDelay.Before(null, Now.AddDays(1), Now, Backoff, Cap));
    }
}
