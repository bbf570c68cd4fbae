using Wix.Auth.Emulator.Model;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>
/// <c>POST /_api/iam/authentication/v2/register</c> (RegisterV2): a new member, unverified, approved unless the
/// owner-approval switch is on. Every check runs before anything is stored: a refused registration leaves no trace.
/// </summary>
internal static class RegisterV2Endpoint
{
    public static IResult Handle(HttpContext context, EmulatorState state, MemberAuthState auth)
    {
        var (request, error) = IamRequest.Read(context, state);
        if (error is not null) return error;
        var body = request!.Body;

        var (email, emailError) = IamFields.LoginEmail(body);
        if (emailError is not null) return emailError;
        var (password, passwordError) = IamFields.NewPassword(body, "password", auth.Options.MinPasswordLength);
        if (passwordError is not null) return passwordError;
        var (profile, profileError) = IamFields.Profile(body);
        if (profileError is not null) return profileError;
        var (captcha, captchaError) = IamFields.CaptchaTokens(body);
        if (captchaError is not null) return captchaError;
        if (Captcha.Check(auth, captcha!) is { } refused) return refused;
        if (auth.Members.FindByEmail(email) is not null) return EmailExists();

        var now = auth.Now;
        var id = Guid.NewGuid().ToString();
        var member = new MemberAccount(
            id, MemberAccount.ContactIdOf(id), email!, password!,
            JsonText.Of(profile, "firstName") ?? "", JsonText.Of(profile, "lastName") ?? "",
            JsonText.Of(profile, "nickname") ?? "",
            EmailVerified: false, Approved: !auth.Switches.RequireOwnerApproval, PasswordResetRequired: false,
            profile, now, now, 1);
        return auth.Members.TryRegister(member) switch
        {
            Registration.Created => StateResponse.Of(auth.Continue(member, request.Caller.ClientId)),
            Registration.EmailExists => EmailExists(),
            _ => IamError.Exhausted("The emulator holds as many members as it may (MemberAuth.MaxMembers)."),
        };
    }

    private static IResult EmailExists() =>
        IamError.Application(StatusCodes.Status409Conflict, IamError.EmailExists, "Email already exists");
}
