using System.Text.Json.Nodes;
using Wix.Auth.Emulator.Endpoints;
using Wix.Auth.Emulator.Http;
using Wix.Auth.Emulator.Model;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.Observation;

/// <summary>
/// Reads the body once (within the limit), counts the request and logs it, masked, once answered; the console gets one
/// line per request, made from the masked entry (ASP.NET's own request logging, which shows URLs whole, is off).
/// </summary>
internal sealed class RecordingMiddleware(
    RequestDelegate next, EmulatorRequestLog log, EmulatorState state, SecretValues secrets, ILogger<RecordingMiddleware> logger)
{
    private static readonly object FaultKey = new();

    private static readonly string[] LoggedHeaders =
        ["content-type", "accept", "user-agent", "origin", "x-wix-bi-gateway", "client-binding"];

    private static readonly string[] MaskedHeaders = ["authorization", "cookie"];

    public static void NoteFault(HttpContext context, FaultKind kind) => context.Items[FaultKey] = kind;

    public async Task InvokeAsync(HttpContext context)
    {
        if (Paths.IsAdmin(context.Request.Path))
        {
            await next(context);
            return;
        }
        var endpoint = Paths.Classify(context.Request.Path);
        var sequence = log.NextSequence();
        var at = state.Now;
        var body = await RequestBody.ReadAsync(context, state.Options.MaxBodyBytes);
        SecretMasker.Collect(context.Request, body, secrets);
        var detail = DetailOf(endpoint, body);
        if (endpoint is { } known) log.Increment(known, detail);
        try
        {
            await next(context);
        }
        finally
        {
            var request = context.Request;
            var fault = context.Items.TryGetValue(FaultKey, out var noted) ? (FaultKind?)noted : null;
            var dropped = fault == FaultKind.Drop || context.RequestAborted.IsCancellationRequested;
            var entry = new RequestLogEntry(
                sequence, at, RequestIdMiddleware.IdOf(context), request.Method, secrets.Mask(request.Path.Value ?? ""),
                SecretMasker.MaskedQuery(request.QueryString, secrets), endpoint, detail, AccessTokenHeader.KindOf(request),
                HeadersOf(request), SecretMasker.MaskedBody(body, secrets), body.Length,
                dropped ? null : context.Response.StatusCode, fault);
            log.Add(entry);
            if (logger.IsEnabled(LogLevel.Information))
                logger.LogInformation("{Method} {Path}{Query} answered {Status}", entry.Method, entry.Path, entry.Query,
                    entry.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing (dropped)");
        }
    }

    // Counter keys come from a closed set: a client-sent value that is not a known grant counts as "other", so no client can
    // grow the counters.
    private static string? DetailOf(EmulatorEndpoint? endpoint, RequestBody body) => endpoint switch
    {
        EmulatorEndpoint.Token => body.Text("grantType", "grant_type") switch
        {
            null => null,
            "anonymous" or "authorization_code" or "refresh_token" => body.Text("grantType", "grant_type"),
            _ => "other",
        },
        EmulatorEndpoint.RedirectSession when body.Json is JsonObject root =>
            root.ContainsKey("auth") ? "auth" : root.ContainsKey("logout") ? "logout" : null,
        _ => null,
    };

    private Dictionary<string, string> HeadersOf(HttpRequest request)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in LoggedHeaders)
            if (request.Headers.TryGetValue(name, out var value)) headers[name] = secrets.Mask(value.ToString());
        foreach (var name in MaskedHeaders)
            if (request.Headers.ContainsKey(name)) headers[name] = SecretMasker.Mask;
        return headers;
    }
}
