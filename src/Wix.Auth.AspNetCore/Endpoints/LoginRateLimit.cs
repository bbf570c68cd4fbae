using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.AspNetCore.Pages;

namespace Wix.Auth.AspNetCore.Endpoints;

/// <summary>
/// Bounds how many logins begin, per client and in total, fairly (<see cref="FairWindowLimiter"/>): applied as an endpoint
/// filter, so it holds without <c>UseRateLimiter</c>. A posted form must carry this site's antiforgery token before it is
/// counted at all, so requests no page of the site made cannot spend anyone's budget. A refused login costs no pending
/// login and no call to Wix: 429 with <c>Retry-After</c>.
/// </summary>
internal class LoginRateLimit : IEndpointFilter
{
    private readonly FairWindowLimiter limiter;
    private readonly IAntiforgery antiforgery;
    private readonly string refusal;

    public LoginRateLimit(IOptions<WixAuthWebOptions> options, IAntiforgery antiforgery, TimeProvider time)
        : this(new FairWindowLimiter(options.Value.LoginsPerClientPerMinute, options.Value.LoginsPerMinute, time), antiforgery,
            "Too many logins were started from here just now.")
    {
    }

    protected LoginRateLimit(FairWindowLimiter limiter, IAntiforgery antiforgery, string refusal) =>
        (this.limiter, this.antiforgery, this.refusal) = (limiter, antiforgery, refusal);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (HttpMethods.IsPost(context.Request.Method) && !await IsThisSitesFormAsync(context)) return Refused(context);
        if (limiter.TryAdmit(context.Connection.RemoteIpAddress, out var retryAfter)) return await next(invocation);
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return HtmlPage.Render(context, "Too many attempts",
            $"<p role=\"alert\">{refusal} Please wait a minute and try again.</p>",
            StatusCodes.Status429TooManyRequests);
    }

    /// <summary>The answer to a form that no page of this site made (no or a wrong antiforgery token, or not a form it reads).</summary>
    public static IResult Refused(HttpContext context) => HtmlPage.Render(context, "Form refused",
        "<p role=\"alert\">This form did not come from this site's page. Go back, reload the page and try again.</p>",
        StatusCodes.Status400BadRequest);

    private async Task<bool> IsThisSitesFormAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return await FormInput.ReadAsync(context) is not null && await antiforgery.IsRequestValidAsync(context);
    }
}

/// <summary>
/// Bounds the attempts at the site's own forms (a password, a code, a reset mail) per client and in total, like logins:
/// guessing is slow, and a refused attempt reaches neither Wix nor a store.
/// </summary>
internal sealed class FormRateLimit(IOptions<WixAuthWebOptions> options, IAntiforgery antiforgery, TimeProvider time)
    : LoginRateLimit(new FairWindowLimiter(options.Value.FormAttemptsPerClientPerMinute, options.Value.LoginsPerMinute, time), antiforgery,
        "Too many attempts were made from here just now.");
