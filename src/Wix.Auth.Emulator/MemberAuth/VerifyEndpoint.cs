using Wix.Auth.Emulator.Model;
namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>
/// <c>POST /_api/iam/verification/v1/auth/verify</c> (VerifyDuringAuthentication): <c>{"code","stateToken"}</c>.
/// A right code verifies the email and continues the login; a wrong one counts, and after
/// <see cref="MemberAuthOptions.MaxVerificationAttempts"/> the state token is void.
/// </summary>
internal static class VerifyEndpoint
{
    public static IResult Handle(HttpContext context, EmulatorState state, MemberAuthState auth)
    {
        var (request, error) = IamRequest.Read(context, state);
        if (error is not null) return error;
        var body = request!.Body;

        var (code, codeError) = IamFields.RequiredText(body, "code", "code", 64);
        if (codeError is not null) return codeError;
        var (stateToken, tokenError) = IamFields.RequiredText(body, "stateToken", "stateToken", 256);
        if (tokenError is not null) return tokenError;

        var ticket = auth.StateTokens.Find(stateToken);
        if (ticket is null || ticket.ClientId != request.Caller.ClientId)
            return IamError.Application(StatusCodes.Status400BadRequest, "INVALID_STATE_TOKEN",
                "The state token is unknown, expired or already used");
        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(code!), System.Text.Encoding.UTF8.GetBytes(ticket.Code)))
        {
            var wrong = ticket with { WrongAttempts = ticket.WrongAttempts + 1 };
            if (wrong.WrongAttempts >= auth.Options.MaxVerificationAttempts) auth.StateTokens.Remove(stateToken!);
            else auth.StateTokens.TryReplace(stateToken!, ticket, wrong);
            return IamError.Application(StatusCodes.Status400BadRequest, "VERIFICATION_FAILED", "Verification failed");
        }
        if (auth.StateTokens.Take(stateToken) is null)
            return IamError.Application(StatusCodes.Status400BadRequest, "INVALID_STATE_TOKEN",
                "The state token is unknown, expired or already used");

        var member = auth.Members.Update(ticket.MemberId, auth.Now, m => m with { EmailVerified = true });
        if (member is null)
            return IamError.Application(StatusCodes.Status404NotFound, "IDENTITY_NOT_FOUND", "The member no longer exists");
        return StateResponse.Of(auth.Continue(member, ticket.ClientId));
    }
}
