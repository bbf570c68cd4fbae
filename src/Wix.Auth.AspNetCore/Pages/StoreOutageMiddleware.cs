using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Errors;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.AspNetCore.Pages;

/// <summary>
/// The site's store failing anywhere in a request — reading the member's session in authentication, on any page — is
/// answered with the error page, 503 and <c>Retry-After</c>, not an empty 500. Put first in the pipeline by
/// <c>AddWixAuth</c>, so it also covers the authentication middleware.
/// </summary>
internal sealed class StoreOutageStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, call) =>
        {
            try
            {
                await call(context);
            }
            catch (StoreUnavailableException e) when (!context.Response.HasStarted)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<StoreOutageStartupFilter>()
                    .LogWarning("The member store is unavailable ({Reason}); answered 503.", e.InnerException?.GetType().Name ?? "unavailable");
                context.Response.Clear();
                await context.RequestServices.GetRequiredService<AuthFailure>().Page(context, new AuthError.StoreUnavailable()).ExecuteAsync(context);
            }
        });
        next(app);
    };
}
