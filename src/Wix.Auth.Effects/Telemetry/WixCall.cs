using System.Diagnostics;
using System.Diagnostics.Metrics;
using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth;

/// <summary>
/// One call to Wix, retries included, as a span and a duration: started before the request, completed with Wix's
/// answer (or the transport failure); a call disposed without an outcome was cancelled.
/// </summary>
internal sealed class WixCall : IDisposable
{
    private static readonly Histogram<double> Duration = WixAuthTelemetry.Meter.CreateHistogram<double>(
        "wix_auth.wix.call.duration", unit: "s", description: "Duration of calls to Wix, retries included.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    private readonly Activity? activity;
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly TagList tags;
    private string outcome = "cancelled";
    private int? status;

    private WixCall(string grant, string endpoint)
    {
        tags = new TagList { { TagNames.Endpoint, endpoint }, { TagNames.Grant, grant } };
        // Nothing is made for a listener that is not there: the span's name is built only when one listens.
        activity = WixAuthTelemetry.Source.HasListeners()
            ? WixAuthTelemetry.Source.StartActivity($"Wix {grant}", ActivityKind.Client, default(ActivityContext), tags)
            : null;
    }

    /// <summary>
    /// Starts the span and the clock of a call of <paramref name="grant"/> to <paramref name="endpoint"/>; null, and nothing
    /// made, when neither a span nor the duration has a listener.
    /// </summary>
    public static WixCall? Start(string grant, string endpoint) =>
        Duration.Enabled || WixAuthTelemetry.Source.HasListeners() ? new(grant, endpoint) : null;

    /// <summary>Wix answered with <paramref name="httpStatus"/>; <paramref name="code"/> is the stable code the answer was read as, or <c>ok</c>.</summary>
    public void Answered(int httpStatus, string? requestId, string code)
    {
        status = httpStatus;
        outcome = code;
        activity?.SetTag(TagNames.RequestId, requestId);
    }

    /// <summary>No answer: <paramref name="code"/> is <see cref="WixError.Timeout"/> or <see cref="WixError.NetworkError"/>.</summary>
    public void Failed(string code) => outcome = code;

    public void Dispose()
    {
        if (Duration.Enabled) Record();
        if (activity is null) return;
        activity.SetTag(TagNames.Outcome, outcome);
        if (status is int code) activity.SetTag(TagNames.HttpStatus, code);
        if (outcome != TagNames.Ok)
        {
            activity.SetTag(TagNames.ErrorType, outcome);
            activity.SetStatus(ActivityStatusCode.Error, outcome);
        }
        activity.Dispose();
    }

    private void Record()
    {
        var all = tags;
        all.Add(TagNames.Outcome, outcome);
        if (status is int s) all.Add(TagNames.HttpStatus, s);
        if (outcome != TagNames.Ok) all.Add(TagNames.ErrorType, outcome);
        Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, all);
    }

    /// <summary>The grant of a token request, or the intent of a Redirect Session: never a value from the request.</summary>
    public static string GrantOf(WixRequest request) => WireNames.OperationOf(request);

    /// <summary>The outcome tag of a plain answer: <c>ok</c> or its error's stable code.</summary>
    public static string CodeOf<T>(Either<WixError, T> answer) => answer.Match(_ => TagNames.Ok, error => error.Code);

    /// <summary>The outcome tag of an identity answer: <c>ok</c> or its error's stable code.</summary>
    public static string CodeOf<T>(Either<IdentityFailure, T> answer) => answer.Match(_ => TagNames.Ok, failure => failure.Error.Code);
}
