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
        var (form, error) = CredentialsForm.Read(context, state, auth,
            body => IamFields.NewPassword(body, "password", auth.Options.MinPasswordLength), IamFields.Profile);
        if (error is not null) return error;
        var (email, password, profile) = (form!.Email, form.Password, form.Fields);
        if (auth.Members.FindByEmail(email) is not null) return EmailExists();

        var now = auth.Now;
        var id = Guid.NewGuid().ToString();
        var member = new MemberAccount(
            id, MemberAccount.ContactIdOf(id), email, password,
            JsonText.Of(profile, "firstName") ?? "", JsonText.Of(profile, "lastName") ?? "",
            JsonText.Of(profile, "nickname") ?? "",
            EmailVerified: false, Approved: !auth.Switches.RequireOwnerApproval, PasswordResetRequired: false,
            profile, now, now, 1);
        return auth.Members.TryRegister(member) switch
        {
            Registration.Created => StateResponse.Of(auth.Continue(member, form.Request.Caller.ClientId)),
            Registration.EmailExists => EmailExists(),
            _ => IamError.Exhausted("The emulator holds as many members as it may (MemberAuth.MaxMembers)."),
        };
    }

    private static IResult EmailExists() =>
        IamError.Application(StatusCodes.Status409Conflict, IamError.EmailExists, "Email already exists");
}
