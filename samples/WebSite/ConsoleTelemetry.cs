using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Wix.Auth.Samples.WebSite;

/// <summary>
/// <c>--Telemetry:Console true</c>: the Wix.Auth spans and metrics (and ASP.NET Core's) written to the console by
/// OpenTelemetry's console exporter, to see what a collector would receive.
/// </summary>
internal static class ConsoleTelemetry
{
    public const string Switch = "Telemetry:Console";

    // The BCL's own sources: the request a Wix call is made for (whose sampling decision the Wix spans follow) and the
    // HTTP attempts under each Wix span.
    private const string AspNetCoreRequests = "Microsoft.AspNetCore";
    private const string HttpClientCalls = "System.Net.Http";

    public static void AddIfAsked(WebApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue<bool>(Switch)) return;
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(WixAuthTelemetry.Name, AspNetCoreRequests, HttpClientCalls).AddConsoleExporter())
            // Once a minute rather than the exporter's 10 s, so an idle demo does not scroll its own messages away.
            .WithMetrics(metrics => metrics.AddMeter(WixAuthTelemetry.Name).AddConsoleExporter((_, reader) =>
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 60_000));
    }
}
