using System.Text.Json;
using System.Text.Json.Nodes;
using Wix.Auth.Emulator.Endpoints;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>Maps the identity endpoints and their admin API (<c>/_emulator/members</c>, <c>/_emulator/outbox</c>, <c>/_emulator/member-auth</c>).</summary>
internal static class MemberAuthEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost(MemberPaths.Login, LoginV2Endpoint.Handle);
        routes.MapPost(MemberPaths.Register, RegisterV2Endpoint.Handle);
        routes.MapPost(MemberPaths.SignOn, SignOnEndpoint.Handle);
        routes.MapPost(MemberPaths.Verify, VerifyEndpoint.Handle);
        routes.MapPost(MemberPaths.SendRecoveryEmail, RecoveryEndpoints.SendEmail);
        routes.MapPost(MemberPaths.Recover, RecoveryEndpoints.Recover);
        routes.MapGet(MemberPaths.IdentityProvider, IdentityProviderPage.Get);
        routes.MapPost(MemberPaths.IdentityProvider, IdentityProviderPage.Post);

        var admin = routes.MapGroup(Paths.Admin);
        admin.MapGet("/members", (MemberAuthState auth) => Json(auth.Members.All.Select(Describe)));
        admin.MapPost("/members/{id}/approve", (string id, MemberAuthState auth) =>
            Change(auth, id, m => m with { Approved = true }));
        admin.MapPost("/members/{id}/require-password-reset", (string id, MemberAuthState auth) =>
            Change(auth, id, m => m with { PasswordResetRequired = true }));
        admin.MapGet("/outbox", (string? to, MemberAuthState auth) =>
            Json(to is null ? auth.Outbox.Mails : auth.Outbox.To(to)));
        admin.MapDelete("/outbox", (MemberAuthState auth) =>
        {
            auth.Outbox.Clear();
            return Results.NoContent();
        });
        admin.MapGet("/member-auth", (MemberAuthState auth) => Json(auth.Switches));
        admin.MapPost("/member-auth", SetSwitches);
    }

    /// <summary>Changes any of the three switches: <c>{"requireEmailVerification","requireOwnerApproval","requireCaptcha"}</c>.</summary>
    private static async Task<IResult> SetSwitches(HttpContext context, MemberAuthState auth)
    {
        JsonObject? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonObject>(context.Request.Body, EmulatorJson.Options, context.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null) return Problem("The body must be a JSON object.");
        var current = auth.Switches;
        bool? Flag(string name) => body.TryGetPropertyValue(name, out var node) && node?.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? node!.GetValue<bool>() : null;
        var unknown = body.Select(p => p.Key).Except(["requireEmailVerification", "requireOwnerApproval", "requireCaptcha"]).FirstOrDefault();
        if (unknown is not null) return Problem($"Unknown switch '{unknown}'.");
        if (body.Any(p => p.Value?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)))
            return Problem("Each switch must be true or false.");
        auth.Switches = new MemberAuthSwitches(
            Flag("requireEmailVerification") ?? current.RequireEmailVerification,
            Flag("requireOwnerApproval") ?? current.RequireOwnerApproval,
            Flag("requireCaptcha") ?? current.RequireCaptcha);
        return Json(auth.Switches);
    }

    private static IResult Change(MemberAuthState auth, string id, Func<MemberAccount, MemberAccount> change) =>
        auth.Members.Update(id, auth.Now, change) is { } member ? Json(Describe(member)) : Results.NotFound();

    /// <summary>A member for the admin API: everything but the password.</summary>
    private static object Describe(MemberAccount m) => new
    {
        id = m.Id,
        contactId = m.ContactId,
        email = m.Email,
        firstName = m.FirstName,
        lastName = m.LastName,
        nickname = m.Nickname,
        emailVerified = m.EmailVerified,
        approved = m.Approved,
        passwordResetRequired = m.PasswordResetRequired,
        createdDate = m.CreatedAt,
    };

    private static IResult Problem(string message) =>
        Results.Json(new { message }, EmulatorJson.Options, statusCode: StatusCodes.Status400BadRequest);

    private static IResult Json(object value) => Results.Json(value, EmulatorJson.Options);
}
