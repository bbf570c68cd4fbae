using Wix.Auth.Emulator.Endpoints;
using Wix.Auth.Emulator.Observation;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.Faults;

/// <summary>Applies the faults drawn for a request before (or, for truncation, after) the real handler.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, EmulatorFaults faults)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (Paths.Classify(context.Request.Path) is not { } endpoint)
        {
            await next(context);
            return;
        }
        var fired = faults.Draw(endpoint);
        foreach (var latency in fired.Where(f => f.Kind == FaultKind.Latency))
            await Task.Delay(latency.LatencyMs, context.RequestAborted);

        var fault = fired.FirstOrDefault(f => f.Kind != FaultKind.Latency);
        if (fault is null)
        {
            await next(context);
            return;
        }
        RecordingMiddleware.NoteFault(context, fault.Kind);
        switch (fault.Kind)
        {
            case FaultKind.Drop:
                context.Abort();
                break;
            case FaultKind.Status:
                await Status(context, endpoint, fault);
                break;
            case FaultKind.NonJson:
                await NonJson(context, fault);
                break;
            default:
                await Truncated(context);
                break;
        }
    }

    private static Task Status(HttpContext context, EmulatorEndpoint endpoint, FaultSpec fault)
    {
        var status = fault.StatusCode ?? StatusCodes.Status503ServiceUnavailable;
        if (fault.RetryAfterSeconds is { } seconds) context.Response.Headers.RetryAfter = seconds.ToString();
        var description = $"Injected fault: HTTP {status}.";
        var result = endpoint is EmulatorEndpoint.Token or EmulatorEndpoint.TokenInfo
            ? OAuthError.Result(status, "temporarily_unavailable", description)
            : WixError.Application(status, "INJECTED_FAULT", description);
        return result.ExecuteAsync(context);
    }

    private static async Task NonJson(HttpContext context, FaultSpec fault)
    {
        context.Response.StatusCode = fault.StatusCode ?? StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<html><body><h1>Bad Gateway</h1><p>Injected fault: not JSON.</p></body></html>", context.RequestAborted);
    }

    private async Task Truncated(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        var half = (int)(buffer.Length / 2);
        context.Response.ContentLength = half;
        await original.WriteAsync(buffer.GetBuffer().AsMemory(0, half), context.RequestAborted);
    }
}
