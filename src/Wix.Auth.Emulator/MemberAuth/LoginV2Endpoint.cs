using Wix.Auth.Emulator.Model;
using System.Text.Json;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>
/// <c>POST /_api/iam/authentication/v2/login</c> (LoginV2): email and password, optional captcha tokens. Checks in
/// Wix's order as far as the SDK reveals it: input, captcha, member, password, then the member's state.
/// </summary>
internal static class LoginV2Endpoint
{
    public static IResult Handle(HttpContext context, EmulatorState state, MemberAuthState auth)
    {
        var (form, error) = CredentialsForm.Read(context, state, auth, body => IamFields.Password(body, "password"), body =>
            (true, IamFields.Optional(body, "stateToken", JsonValueKind.String) ?? IamFields.Optional(body, "clientMetaData", JsonValueKind.Object)));
        if (error is not null) return error;

        var member = auth.Members.FindByEmail(form!.Email);
        if (member is null)
            return IamError.Application(StatusCodes.Status404NotFound, IamError.MemberNotFound, "No member with this email");
        if (member.Password != form.Password)
            return IamError.Application(StatusCodes.Status403Forbidden, IamError.InvalidPassword, "Wrong password");
        if (member.PasswordResetRequired)
            return IamError.Application(StatusCodes.Status403Forbidden, IamError.ResetPassword, "Password reset required");
        return StateResponse.Of(auth.Continue(member, form.Request.Caller.ClientId));
    }
}

/// <summary>The captcha rule shared by login and registration.</summary>
internal static class Captcha
{
    /// <summary>Null when the tokens pass: none needed and none given, or every one given is accepted.</summary>
    public static IResult? Check(MemberAuthState auth, IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 0)
            return auth.Switches.RequireCaptcha
                ? IamError.Application(StatusCodes.Status400BadRequest, IamError.MissingCaptcha, "Missing captcha token")
                : null;
        return tokens.All(t => auth.Options.AcceptedCaptchaTokens.Contains(t, StringComparer.Ordinal))
            ? null
            : IamError.Application(StatusCodes.Status400BadRequest, IamError.InvalidCaptcha, "Invalid captcha token");
    }
}
