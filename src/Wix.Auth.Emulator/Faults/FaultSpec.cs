namespace Wix.Auth.Emulator;

/// <summary>
/// A fault to inject at one endpoint. By default it hits every request; <see cref="Count"/> limits it to the next N
/// requests it hits, and <see cref="Probability"/> makes it hit only that fraction of them.
/// </summary>
/// <param name="Endpoint">The endpoint whose requests it hits.</param>
/// <param name="Kind">What it does.</param>
public sealed record FaultSpec(EmulatorEndpoint Endpoint, FaultKind Kind)
{
    /// <summary>For <see cref="FaultKind.Status"/> and <see cref="FaultKind.NonJson"/>: the HTTP status to answer.</summary>
    public int? StatusCode { get; init; }

    /// <summary>For <see cref="FaultKind.Status"/>: the <c>Retry-After</c> header, in seconds.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>For <see cref="FaultKind.Latency"/>: the delay in milliseconds (wall-clock, not the emulator's clock).</summary>
    public int LatencyMs { get; init; }

    /// <summary>How many requests it hits before it is removed; null for no limit.</summary>
    public int? Count { get; init; }

    /// <summary>The chance, from 0 to 1, that it hits a given request; null for always.</summary>
    public double? Probability { get; init; }

    /// <summary>Delays each request.</summary>
    public static FaultSpec Latency(EmulatorEndpoint endpoint, TimeSpan delay) =>
        new(endpoint, FaultKind.Latency) { LatencyMs = (int)delay.TotalMilliseconds };

    /// <summary>Answers the given status, optionally with <c>Retry-After</c>.</summary>
    public static FaultSpec Status(EmulatorEndpoint endpoint, int statusCode, int? retryAfterSeconds = null) =>
        new(endpoint, FaultKind.Status) { StatusCode = statusCode, RetryAfterSeconds = retryAfterSeconds };

    /// <summary>Drops the connection.</summary>
    public static FaultSpec Drop(EmulatorEndpoint endpoint) => new(endpoint, FaultKind.Drop);

    /// <summary>Cuts the body in half.</summary>
    public static FaultSpec Truncate(EmulatorEndpoint endpoint) => new(endpoint, FaultKind.Truncate);

    /// <summary>Answers HTML instead of JSON.</summary>
    public static FaultSpec NonJson(EmulatorEndpoint endpoint) => new(endpoint, FaultKind.NonJson);

    /// <summary>Throws when a value is out of range, so a bad fault is refused when added, not when it fires.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Endpoint)) throw new ArgumentException("Unknown endpoint.");
        if (!Enum.IsDefined(Kind)) throw new ArgumentException("Unknown fault kind.");
        if (StatusCode is < 100 or > 599) throw new ArgumentException("statusCode must be 100 to 599.");
        if (RetryAfterSeconds is < 0) throw new ArgumentException("retryAfterSeconds must not be negative.");
        if (LatencyMs is < 0 or > 120_000) throw new ArgumentException("latencyMs must be 0 to 120000.");
        if (Count is < 1) throw new ArgumentException("count must be at least 1.");
        if (Probability is < 0 or > 1 || Probability is double.NaN)
            throw new ArgumentException("probability must be 0 to 1.");
    }
}
