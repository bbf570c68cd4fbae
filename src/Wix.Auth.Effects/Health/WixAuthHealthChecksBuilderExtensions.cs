using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Wix.Auth;
using Wix.Auth.Effects.Health;
using Wix.Auth.Effects.Ports;

// Registration lives where IHealthChecksBuilder does, so no using is needed.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registration of the Wix health checks: <c>services.AddHealthChecks().AddWixTokenEndpoint()</c>.</summary>
public static class WixAuthHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="WixTokenEndpointHealthCheck"/> for the client of <c>AddWixAuth</c>: Wix's token endpoint, asked for
    /// visitor tokens at most once per <see cref="WixTokenEndpointHealthCheckOptions.CacheDuration"/>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name. Default <c>wix-token-endpoint</c>.</param>
    /// <param name="configure">Timeout and cache duration.</param>
    /// <param name="failureStatus">The status reported when Wix fails. Default <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to select the check by, e.g. <c>ready</c>.</param>
    public static IHealthChecksBuilder AddWixTokenEndpoint(this IHealthChecksBuilder builder, string name = "wix-token-endpoint",
        Func<WixTokenEndpointHealthCheckOptions, WixTokenEndpointHealthCheckOptions>? configure = null,
        HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        var options = (configure ?? (o => o))(new WixTokenEndpointHealthCheckOptions());
        builder.Services.TryAddSingleton(TimeProvider.System);
        // One instance per check and container: it holds the cached answer.
        builder.Services.AddKeyedSingleton(name, (sp, _) => new WixTokenEndpointHealthCheck(
            sp.GetRequiredService<IWixApi>(), sp.GetRequiredService<IOptions<WixAuthOptions>>().Value.ClientId, options, sp.GetRequiredService<TimeProvider>()));
        return builder.Add(new HealthCheckRegistration(name, sp => sp.GetRequiredKeyedService<WixTokenEndpointHealthCheck>(name), failureStatus, tags));
    }
}
