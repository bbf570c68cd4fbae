using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Pages;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// Bounds how many logins begin: per client and in total, each a fixed one-minute window, with the rate limiters
/// ASP.NET Core's rate-limiting middleware is built on — applied here as an endpoint filter, so it holds without
/// <c>UseRateLimiter</c>. A refused login costs no pending login and no call to Wix: 429 with <c>Retry-After</c>.
/// </summary>
internal class LoginRateLimit : IEndpointFilter, IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> limiter;
    private readonly string refusal;

    public LoginRateLimit(IOptions<WixAuthWebOptions> options)
        : this(options.Value.LoginsPerClientPerMinute, options.Value.LoginsPerMinute, "Too many logins were started from here just now.")
    {
    }

    protected LoginRateLimit(int perClient, int total, string refusal)
    {
        this.refusal = refusal;
        limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => Window(perClient))),
            PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetFixedWindowLimiter("all", _ => Window(total))));
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        using var lease = limiter.AttemptAcquire(context);
        if (lease.IsAcquired) return await next(invocation);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return HtmlPage.Render(context, "Too many attempts",
            $"<p role=\"alert\">{refusal} Please wait a minute and try again.</p>",
            StatusCodes.Status429TooManyRequests);
    }

    public void Dispose()
    {
        limiter.Dispose();
        GC.SuppressFinalize(this);
    }

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true };

    // One partition per IPv4 address and per IPv6 /64 (what one subscriber is given), so rotating addresses within it does not help.
    private static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        { AddressFamily: AddressFamily.InterNetworkV6 } v6 => Convert.ToHexString(v6.GetAddressBytes(), 0, 8),
        IPAddress v4 => v4.ToString(),
    };
}

/// <summary>
/// Bounds the attempts at the site's own forms (a password, a code, a reset mail) per client and in total, like logins:
/// guessing is slow, and a refused attempt reaches neither Wix nor a store.
/// </summary>
internal sealed class FormRateLimit(IOptions<WixAuthWebOptions> options)
    : LoginRateLimit(options.Value.FormAttemptsPerClientPerMinute, options.Value.LoginsPerMinute, "Too many attempts were made from here just now.");
