using Wix.Auth.Effects.Http;

namespace Wix.Auth.Effects.Tests.Http;

/// <summary>A deadline's cancellation is its own: a source used again never carries the last one's cancellation.</summary>
public sealed class DeadlineTests
{
    [Fact]
    public async Task An_attempt_times_out_and_the_next_one_starts_uncancelled()
    {
        bool timedOut;
        using (var first = Deadline.Start(TimeSpan.FromMilliseconds(20), CancellationToken.None))
        {
            // The timer is waited for however busy the machine is; only a deadline that never fires reaches the bound.
            await Task.WhenAny(Task.Delay(Timeout.Infinite, first.Token), Task.Delay(TimeSpan.FromSeconds(30)));
            timedOut = first.TimedOut && first.Token.IsCancellationRequested;
        }
        using var next = Deadline.Start(TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.True(timedOut);
        Assert.False(next.Token.IsCancellationRequested);
    }

    [Fact]
    public void The_callers_cancellation_reaches_the_attempt_and_not_the_next()
    {
        using var caller = new CancellationTokenSource();
        bool cancelled;
        using (var first = Deadline.Start(TimeSpan.FromMinutes(1), caller.Token))
        {
            caller.Cancel();
            cancelled = first.Token.IsCancellationRequested;
        }
        using var next = Deadline.Start(TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.True(cancelled);
        Assert.False(next.Token.IsCancellationRequested);
    }

    [Fact]
    public void A_caller_cancelled_after_its_attempt_ended_leaves_the_next_attempt_alone()
    {
        using var caller = new CancellationTokenSource();
        CancellationToken reused;
        using (var first = Deadline.Start(TimeSpan.FromMinutes(1), caller.Token)) reused = first.Token;
        using var next = Deadline.Start(TimeSpan.FromMinutes(1), CancellationToken.None);
        caller.Cancel();

        Assert.False(next.Token.IsCancellationRequested);
        Assert.False(reused.IsCancellationRequested);
    }

    [Fact]
    public async Task An_attempt_that_ended_in_time_does_not_time_out_the_next()
    {
        using (Deadline.Start(TimeSpan.FromMilliseconds(30), CancellationToken.None)) { }
        using var next = Deadline.Start(TimeSpan.FromMinutes(1), CancellationToken.None);
        await Task.Delay(150);

        Assert.False(next.Token.IsCancellationRequested);
    }
}
