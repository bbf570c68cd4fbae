namespace Wix.Auth.Effects.Http;

/// <summary>
/// The cancellation of one attempt: the caller's token, or the attempt's own timeout. Its source is kept per thread and
/// reset for the next attempt, so an attempt that ends in time allocates neither a source nor a timer.
/// </summary>
/// <remarks>
/// A source goes back only when it was never cancelled and the caller's token can no longer reach it (its registration
/// removed before its callback ran): a source handed to the next attempt is never cancelled late by this one.
/// </remarks>
internal readonly struct AttemptToken : IDisposable
{
    [ThreadStatic] private static CancellationTokenSource? spare;

    private readonly CancellationTokenSource source;
    private readonly CancellationTokenRegistration link;

    private AttemptToken(CancellationTokenSource source, CancellationTokenRegistration link)
    {
        this.source = source;
        this.link = link;
    }

    /// <summary>Cancelled by <paramref name="cancellationToken"/> or after <paramref name="timeout"/>.</summary>
    public static AttemptToken Start(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var source = spare ?? new CancellationTokenSource();
        spare = null;
        source.CancelAfter(timeout);
        var link = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source)
            : default;
        return new AttemptToken(source, link);
    }

    /// <summary>The attempt's token.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>Whether the attempt was cancelled; when the caller's token was not, its timeout did it.</summary>
    public bool TimedOut => source.IsCancellationRequested;

    public void Dispose()
    {
        var unlinked = link.Token.CanBeCanceled ? link.Unregister() : true;
        if (unlinked && source.TryReset() && spare is null) spare = source;
        else source.Dispose();
    }
}
