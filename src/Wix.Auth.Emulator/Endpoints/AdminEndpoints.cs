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
            var spec = await JsonSerializer.DeserializeAsync(
                context.Request.Body, EmulatorJson.Info<FaultSpec>(), context.RequestAborted);
            if (spec is null) return Problem("A fault is required.");
            var id = faults.Add(spec);
            return EmulatorJson.Result(faults.List().First(f => f.Id == id), StatusCodes.Status201Created);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException)
        {
            return Problem($"Not a valid fault: {e.Message}");
        }
    }

    private static IResult Problem(string message) =>
        EmulatorJson.Result(new MessageBody(message), StatusCodes.Status400BadRequest);

    private static IResult Json<T>(T value) => EmulatorJson.Result(value);

    private static ConfigView Describe(EmulatorOptions options) => new(
        options.Apps, [.. options.Members.Select(ConfiguredMember.Of)], (long)options.AccessTokenLifetime.TotalSeconds,
        (long)options.CodeLifetime.TotalSeconds, options.RotateRefreshTokens, options.SiteId);

    /// <summary>The configuration as <c>GET /_emulator</c> shows it.</summary>
    internal sealed record ConfigView(
        IReadOnlyList<OAuthApp> Apps, IReadOnlyList<ConfiguredMember> Members, long AccessTokenLifetimeSeconds,
        long CodeLifetimeSeconds, bool RotateRefreshTokens, string SiteId);

    /// <summary>A configured member as <c>GET /_emulator</c> shows it: everything but the password.</summary>
    internal sealed record ConfiguredMember(
        string Email, string Id, string FirstName, string LastName, string Nickname, bool EmailVerified, bool Approved)
    {
        public static ConfiguredMember Of(DemoMember m) =>
            new(m.Email, m.Id, m.FirstName, m.LastName, m.Nickname, m.EmailVerified, m.Approved);
    }
}
