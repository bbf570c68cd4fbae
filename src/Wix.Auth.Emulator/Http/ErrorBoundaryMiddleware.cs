using Wix.Auth.Emulator.Endpoints;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.Http;

/// <summary>
/// The catch-all: whatever a request makes a handler throw is answered 400 in the endpoint's error shape, because
/// every input is the client's, and the emulator must never answer 500 to a client's mistake.
/// </summary>
internal sealed class ErrorBoundaryMiddleware(
    RequestDelegate next, ILogger<ErrorBoundaryMiddleware> logger, Observation.SecretValues secrets)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            logger.LogWarning("Answered 400 to a request that made the emulator throw {Exception} at {Path}",
                e.GetType().Name, secrets.Mask(context.Request.Path.Value ?? ""));
            context.Response.Clear();
            var status = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            const string description = "The emulator could not process this request.";
            var result = Paths.Classify(context.Request.Path) is EmulatorEndpoint.Token or EmulatorEndpoint.TokenInfo
                ? OAuthError.InvalidRequest(description, status)
                : WixError.Application(status, "INVALID_ARGUMENT", description);
            await result.ExecuteAsync(context);
        }
    }
}
