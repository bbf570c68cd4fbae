using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Wix.Auth.Effects.Tests.Telemetry;

/// <summary>What a subscriber to <c>Wix.Auth</c> receives: finished spans and every measurement, with its tags.</summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener activities;
    private readonly MeterListener meters = new();

    public TelemetryRecorder()
    {
        activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WixAuthTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Spans.Add,
        };
        ActivitySource.AddActivityListener(activities);
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == WixAuthTelemetry.Name) listener.EnableMeasurementEvents(instrument);
        };
        meters.SetMeasurementEventCallback<long>((i, value, tags, _) => Measurements.Add(new(i.Name, value, tags.ToArray())));
        meters.SetMeasurementEventCallback<double>((i, value, tags, _) => Measurements.Add(new(i.Name, value, tags.ToArray())));
        meters.Start();
    }

    public ConcurrentBag<Activity> Spans { get; } = [];

    public ConcurrentBag<Measurement> Measurements { get; } = [];

    /// <summary>The sum of <paramref name="instrument"/>'s measurements whose tags include every one of <paramref name="tags"/>.</summary>
    public double Sum(string instrument, params (string Key, object Value)[] tags) =>
        Measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.Any(kv => kv.Key == t.Key && Equals(kv.Value, t.Value))))
            .Sum(m => m.Value);

    public void Dispose()
    {
        activities.Dispose();
        meters.Dispose();
    }

    public sealed record Measurement(string Instrument, double Value, KeyValuePair<string, object?>[] Tags);
}
