namespace Wix.Auth.Effects.Http;

/// <summary>
/// The cancellation of a piece of work with a time limit (an attempt, a request's budget for Wix): the caller's token, or
/// the limit. Its source is kept per thread and reset for the next, so work that ends in time allocates neither a source
/// nor a timer.
/// </summary>
/// <remarks>
/// A source goes back only when it was never cancelled and the caller's token can no longer reach it (its registration
/// removed before its callback ran): a source handed to the next piece of work is never cancelled late by this one.
/// </remarks>
internal readonly struct Deadline : IDisposable
{
    [ThreadStatic] private static CancellationTokenSource? spare;

    private readonly CancellationTokenSource source;
    private readonly CancellationTokenRegistration link;

    private Deadline(CancellationTokenSource source, CancellationTokenRegistration link)
    {
        this.source = source;
        this.link = link;
    }

    /// <summary>Cancelled by <paramref name="cancellationToken"/> or after <paramref name="timeout"/>.</summary>
    public static Deadline Start(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var source = spare ?? new CancellationTokenSource();
        spare = null;
        source.CancelAfter(timeout);
        var link = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), source)
            : default;
        return new Deadline(source, link);
    }

    /// <summary>The work's token.</summary>
    public CancellationToken Token => source.Token;

    /// <summary>Whether the work was cancelled; when the caller's token was not, its time limit did it.</summary>
    public bool TimedOut => source.IsCancellationRequested;

    public void Dispose()
    {
        var unlinked = link.Token.CanBeCanceled ? link.Unregister() : true;
        if (unlinked && source.TryReset() && spare is null) spare = source;
        else source.Dispose();
    }
}
