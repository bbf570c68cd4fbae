using Wix.Auth.Emulator.Model;
using System.Text.Json.Nodes;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>
/// Password reset: <c>POST /_api/iam/recovery/v1/send-email</c> mails a link (to the outbox) to the site's
/// <c>redirect.url</c> with a <c>recoveryToken</c> added; <c>POST /_api/iam/recovery/v1/recover</c> takes that token
/// and the new password and continues like a login.
/// </summary>
internal static class RecoveryEndpoints
{
    public static IResult SendEmail(HttpContext context, EmulatorState state, MemberAuthState auth, OAuthApps apps)
    {
        var (request, error) = IamRequest.Read(context, state);
        if (error is not null) return error;
        var body = request!.Body;

        var (email, emailError) = IamFields.Email(body, "email", "email");
        if (emailError is not null) return emailError;
        if (IamFields.Optional(body, "language", System.Text.Json.JsonValueKind.String) is { } languageError) return languageError;
        if (body["redirect"] is not JsonObject redirect)
            return IamError.Validation("redirect", "is required", "REQUIRED");
        var (url, urlError) = IamFields.RequiredText(redirect, "url", "redirect.url", 2048);
        if (urlError is not null) return urlError;
        var (clientId, clientError) = IamFields.RequiredText(redirect, "clientId", "redirect.clientId", 256);
        if (clientError is not null) return clientError;
        var app = apps.Find(clientId);
        if (app is null || clientId != request.Caller.ClientId)
            return IamError.Application(StatusCodes.Status400BadRequest, "UNKNOWN_CLIENT", "Unknown client");
        if (!RedirectRules.IsAllowedPostFlowUrl(app, url!) || url!.Contains('#'))
            return IamError.Application(StatusCodes.Status400BadRequest, "INVALID_REDIRECT_URL",
                "redirect.url is not on one of the app's allowed domains");

        var member = auth.Members.FindByEmail(email);
        if (member is null)
            return IamError.Application(StatusCodes.Status404NotFound, "IDENTITY_NOT_FOUND", "No identity with this email");

        var token = auth.RecoveryTokens.Add(new RecoveryTicket(member.Id, clientId!), auth.Options.RecoveryTokenLifetime);
        var link = url + (url.Contains('?') ? "&" : "?") + "recoveryToken=" + Uri.EscapeDataString(token);
        auth.Outbox.Send(auth.Now, member.Email, OutboxMailKind.PasswordReset, "Reset your password",
            $"Choose a new password: {link}", link: link, recoveryToken: token);
        return EmulatorJson.Result(new JsonObject());
    }

    public static IResult Recover(HttpContext context, EmulatorState state, MemberAuthState auth)
    {
        var (request, error) = IamRequest.Read(context, state);
        if (error is not null) return error;
        var body = request!.Body;

        var (token, tokenError) = IamFields.RequiredText(body, "recoveryToken", "recoveryToken", 256);
        if (tokenError is not null) return tokenError;
        var (password, passwordError) = IamFields.NewPassword(body, "password", auth.Options.MinPasswordLength);
        if (passwordError is not null) return passwordError;
        if (auth.RecoveryTokens.Take(token) is not { } ticket)
            return IamError.Application(StatusCodes.Status400BadRequest, "INVALID_RECOVERY_TOKEN",
                "The recovery token is unknown, expired or already used");

        // Following the mailed link proves the member reads that mailbox: the email counts as verified.
        var member = auth.Members.Update(ticket.MemberId, auth.Now, m =>
            m with { Password = password!, PasswordResetRequired = false, EmailVerified = true });
        if (member is null)
            return IamError.Application(StatusCodes.Status404NotFound, "IDENTITY_NOT_FOUND", "The member no longer exists");
        return StateResponse.Of(auth.Continue(member, ticket.ClientId));
    }
}
