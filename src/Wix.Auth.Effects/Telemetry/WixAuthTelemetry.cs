using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Wix.Auth;

/// <summary>
/// The names to subscribe to with OpenTelemetry: <c>.AddSource(WixAuthTelemetry.Name)</c> for a span per call to Wix,
/// <c>.AddMeter(WixAuthTelemetry.Name)</c> for the login, refresh and call-duration instruments (docs/observability.md).
/// </summary>
/// <remarks>No tag ever carries a token, code, verifier, state or URL: only kinds, stable error codes, statuses and
/// Wix's request IDs.</remarks>
public static class WixAuthTelemetry
{
    /// <summary>The name of both the <see cref="ActivitySource"/> and the <see cref="Meter"/>: <c>Wix.Auth</c>.</summary>
    public const string Name = "Wix.Auth";

    private static readonly string? Version = typeof(WixAuthTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource Source = new(Name, Version);

    internal static readonly Meter Meter = new(Name, Version);
}
