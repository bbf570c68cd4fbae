using System.Text.Json;
using Wix.Auth.Emulator.Model;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.Endpoints;

/// <summary>The reserved <c>/_emulator</c> API: configuration, request log, counters, faults and state.</summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup(Paths.Admin);
        admin.MapGet("", (EmulatorState state) => Json(Describe(state.Options)));
        admin.MapGet("/requests", (EmulatorRequestLog log) => Json(log.Entries));
        admin.MapDelete("/requests", (EmulatorRequestLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
        admin.MapGet("/counters", (EmulatorRequestLog log) => Json(log.Counters));
        admin.MapGet("/state", (EmulatorState state) => Json(state.Snapshot()));
        admin.MapGet("/faults", (EmulatorFaults faults) => Json(faults.List()));
        admin.MapPost("/faults", AddFault);
        admin.MapDelete("/faults", (EmulatorFaults faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        admin.MapDelete("/faults/{id}", (string id, EmulatorFaults faults) =>
            faults.Remove(id) ? Results.NoContent() : Results.NotFound());
    }

    private static async Task<IResult> AddFault(HttpContext context, EmulatorFaults faults)
    {
        try
        {
            var spec = await JsonSerializer.DeserializeAsync<FaultSpec>(
                context.Request.Body, EmulatorJson.Options, context.RequestAborted);
            if (spec is null) return Problem("A fault is required.");
            var id = faults.Add(spec);
            return Results.Json(faults.List().First(f => f.Id == id), EmulatorJson.Options,
                statusCode: StatusCodes.Status201Created);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            return Problem($"Not a valid fault: {e.Message}");
        }
    }

    private static IResult Problem(string message) =>
        Results.Json(new { message }, EmulatorJson.Options, statusCode: StatusCodes.Status400BadRequest);

    private static IResult Json(object value) => Results.Json(value, EmulatorJson.Options);

    private static object Describe(EmulatorOptions options) => new
    {
        apps = options.Apps,
        members = options.Members,
        accessTokenLifetimeSeconds = (long)options.AccessTokenLifetime.TotalSeconds,
        codeLifetimeSeconds = (long)options.CodeLifetime.TotalSeconds,
        rotateRefreshTokens = options.RotateRefreshTokens,
        siteId = options.SiteId,
    };
}
