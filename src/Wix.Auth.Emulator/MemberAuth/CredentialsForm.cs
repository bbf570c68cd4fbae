using System.Text.Json.Nodes;
using Wix.Auth.Emulator.Model;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>An email-and-password submission (login or registration), read and checked in Wix's order.</summary>
/// <param name="Request">The request, with its caller.</param>
/// <param name="Email">The login email.</param>
/// <param name="Password">The password.</param>
/// <param name="Fields">What the endpoint reads beyond the credentials.</param>
internal sealed record CredentialsForm<T>(IamRequest Request, string Email, string Password, T Fields);

/// <summary>The prologue login and registration share: the request, the email, the password, the endpoint's own fields, the captcha.</summary>
internal static class CredentialsForm
{
    /// <summary>The submission, or the first refusal; the password is read by <paramref name="password"/> (login and registration differ).</summary>
    public static (CredentialsForm<T>? Form, IResult? Error) Read<T>(
        HttpContext context, EmulatorState state, MemberAuthState auth,
        Func<JsonObject, (string? Value, IResult? Error)> password, Func<JsonObject, (T Value, IResult? Error)> fields)
    {
        var (request, error) = IamRequest.Read(context, state);
        if (error is not null) return (null, error);
        var body = request!.Body;
        var (email, emailError) = IamFields.LoginEmail(body);
        if (emailError is not null) return (null, emailError);
        var (secret, passwordError) = password(body);
        if (passwordError is not null) return (null, passwordError);
        var (own, fieldsError) = fields(body);
        if (fieldsError is not null) return (null, fieldsError);
        var (captcha, captchaError) = IamFields.CaptchaTokens(body);
        if (captchaError is not null) return (null, captchaError);
        if (Captcha.Check(auth, captcha!) is { } refused) return (null, refused);
        return (new CredentialsForm<T>(request, email!, secret!, own), null);
    }
}
