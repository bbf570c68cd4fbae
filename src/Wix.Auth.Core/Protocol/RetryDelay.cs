namespace Wix.Auth.Core.Protocol;

/// <summary>
/// How long a host waits before repeating a call that <see cref="RepeatPolicy"/> lets repeat: Wix's <c>Retry-After</c>
/// when it sent one, else the host's backoff.
/// </summary>
public static class RetryDelay
{
    /// <summary>
    /// The wait: <paramref name="retryAfterSeconds"/> (<c>Retry-After: 3</c>) or the time from <paramref name="now"/> to
    /// <paramref name="retryAfterDate"/> (<c>Retry-After: &lt;HTTP date&gt;</c>), else <paramref name="backoff"/>; never
    /// below zero (a date already past) nor above <paramref name="cap"/> (an answer cannot hold a call longer).
    /// </summary>
    public static TimeSpan Before(TimeSpan? retryAfterSeconds, DateTimeOffset? retryAfterDate, DateTimeOffset now, TimeSpan backoff, TimeSpan cap)
    {
        var asked = retryAfterSeconds ?? (retryAfterDate is { } date ? date - now : null);
        var delay = asked ?? backoff;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > cap ? cap : delay;
    }
}
