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
        admin.MapGet("/members", (MemberAuthState auth) => Json(auth.Members.All.Select(Describe).ToList()));
        admin.MapPost("/members", AddMember);
        admin.MapPost("/members/{id}", SetMemberFlags);
        admin.MapDelete("/members/{id}", (string id, MemberAuthState auth) =>
            auth.Members.Remove(id) ? Results.NoContent() : Results.NotFound());
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

    /// <summary>Adds a member while the emulator runs: a <see cref="DemoMember"/> as JSON; 409 when the email or ID is taken.</summary>
    private static async Task<IResult> AddMember(HttpContext context, MemberAuthState auth)
    {
        DemoMember? member;
        try
        {
            member = await JsonSerializer.DeserializeAsync(context.Request.Body, EmulatorJson.Info<DemoMember>(), context.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            member = null;
        }
        if (member is null || string.IsNullOrWhiteSpace(member.Id) || member.Password is not { Length: > 0 } ||
            !IamFields.IsEmail(member.Email ?? ""))
            return Problem("A member needs an email, a password and an ID.");
        // Admin requests are not logged, but the password may turn up in a logged one.
        auth.Secrets.Add(member.Password);
        if (auth.Members.FindById(member.Id) is not null) return EmulatorJson.Result(new MessageBody("The ID is taken."), StatusCodes.Status409Conflict);
        return auth.Members.TryRegister(MemberAccount.From(member, auth.Now)) switch
        {
            Registration.Created => EmulatorJson.Result(Describe(auth.Members.FindById(member.Id)!), StatusCodes.Status201Created),
            Registration.EmailExists => EmulatorJson.Result(new MessageBody("The email is taken."), StatusCodes.Status409Conflict),
            _ => IamError.Exhausted("The emulator holds as many members as it may (MemberAuth.MaxMembers)."),
        };
    }

    /// <summary>
    /// Sets a member's flags, any of <c>{"emailVerified","approved","passwordResetRequired"}</c>: the owner
    /// approving a member, or a test arranging the state a scenario needs.
    /// </summary>
    private static async Task<IResult> SetMemberFlags(string id, HttpContext context, MemberAuthState auth)
    {
        var (flags, problem) = await ReadFlags(context, ["emailVerified", "approved", "passwordResetRequired"]);
        if (flags is null) return problem!;
        var member = auth.Members.Update(id, auth.Now, m => m with
        {
            EmailVerified = flags.GetValueOrDefault("emailVerified", m.EmailVerified),
            Approved = flags.GetValueOrDefault("approved", m.Approved),
            PasswordResetRequired = flags.GetValueOrDefault("passwordResetRequired", m.PasswordResetRequired),
        });
        return member is null ? Results.NotFound() : Json(Describe(member));
    }

    /// <summary>Changes any of the three switches: <c>{"requireEmailVerification","requireOwnerApproval","requireCaptcha"}</c>.</summary>
    private static async Task<IResult> SetSwitches(HttpContext context, MemberAuthState auth)
    {
        var (flags, problem) = await ReadFlags(context, ["requireEmailVerification", "requireOwnerApproval", "requireCaptcha"]);
        if (flags is null) return problem!;
        var current = auth.Switches;
        auth.Switches = new MemberAuthSwitches(
            flags.GetValueOrDefault("requireEmailVerification", current.RequireEmailVerification),
            flags.GetValueOrDefault("requireOwnerApproval", current.RequireOwnerApproval),
            flags.GetValueOrDefault("requireCaptcha", current.RequireCaptcha));
        return Json(auth.Switches);
    }

    /// <summary>A JSON object of booleans, each named in <paramref name="names"/>; anything else is a 400.</summary>
    private static async Task<(Dictionary<string, bool>? Flags, IResult? Problem)> ReadFlags(HttpContext context, string[] names)
    {
        JsonObject? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(context.Request.Body, EmulatorJson.Info<JsonObject>(), context.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null) return (null, Problem("The body must be a JSON object."));
        var flags = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (name, value) in body)
        {
            if (!names.Contains(name, StringComparer.Ordinal)) return (null, Problem($"Unknown field '{name}'."));
            if (value?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                return (null, Problem($"'{name}' must be true or false."));
            flags[name] = value.GetValue<bool>();
        }
        return (flags, null);
    }

    /// <summary>A member for the admin API: everything but the password.</summary>
    private static MemberView Describe(MemberAccount m) => new(
        m.Id, m.ContactId, m.Email, m.FirstName, m.LastName, m.Nickname,
        m.EmailVerified, m.Approved, m.PasswordResetRequired, m.CreatedAt);

    internal sealed record MemberView(
        string Id, string ContactId, string Email, string FirstName, string LastName, string Nickname,
        bool EmailVerified, bool Approved, bool PasswordResetRequired, DateTimeOffset CreatedDate);

    private static IResult Problem(string message) =>
        EmulatorJson.Result(new MessageBody(message), StatusCodes.Status400BadRequest);

    private static IResult Json<T>(T value) => EmulatorJson.Result(value);
}
