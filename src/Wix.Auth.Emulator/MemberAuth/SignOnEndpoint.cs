using Wix.Auth.Emulator.Model;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>
/// <c>POST /_api/iam/authentication/v2/sign-on</c> (SignOn): a trusted back end, with
/// <c>Authorization: &lt;access token&gt;,&lt;API key&gt;</c>, logs a member in by email alone, creating them if
/// needed. Answers <c>{"sessionToken","identity"}</c>; the session token is good for one <c>authorized_client</c> grant.
/// </summary>
internal static class SignOnEndpoint
{
    public static IResult Handle(HttpContext context, EmulatorState state, MemberAuthState auth)
    {
        var (request, error) = IamRequest.Read(context, state, withApiKey: true);
        if (error is not null) return error;
        var body = request!.Body;
        if (!auth.ApiKeys.TryGetValue(request.ApiKey!, out var key) || key.ClientId != request.Caller.ClientId)
            return IamError.Unauthenticated("The API key is unknown or belongs to another app.");
        if (!key.CanSignOn) return IamError.PermissionDenied("Missing permission IAM.AUTHENTICAITON_SIGN_ON");

        var (email, emailError) = IamFields.LoginEmail(body);
        if (emailError is not null) return emailError;
        var (profile, profileError) = IamFields.Profile(body);
        if (profileError is not null) return profileError;
        if (IamFields.Optional(body, "verifyEmail", JsonValueKind.True) is { } verifyError) return verifyError;
        if (IamFields.Optional(body, "mergeExistingContact", JsonValueKind.True) is { } mergeError) return mergeError;
        var verifyEmail = body["verifyEmail"]?.GetValue<bool>() ?? false;

        var member = auth.Members.FindByEmail(email);
        if (member is null)
        {
            var now = auth.Now;
            var id = Guid.NewGuid().ToString();
            member = new MemberAccount(id, MemberAccount.ContactIdOf(id), email!, Model.Secrets.New("unusable-"),
                JsonText.Of(profile, "firstName") ?? "", JsonText.Of(profile, "lastName") ?? "",
                JsonText.Of(profile, "nickname") ?? "", verifyEmail, Approved: true, PasswordResetRequired: false,
                profile, now, now, 1);
            switch (auth.Members.TryRegister(member))
            {
                case Registration.Full:
                    return IamError.Exhausted("The emulator holds as many members as it may (MemberAuth.MaxMembers).");
                case Registration.EmailExists:
                    member = auth.Members.FindByEmail(email)!;
                    break;
            }
        }
        else if (verifyEmail && !member.EmailVerified)
        {
            member = auth.Members.Update(member.Id, auth.Now, m => m with { EmailVerified = true }) ?? member;
        }

        var sessionToken = auth.SessionTokens.Add(new SessionTicket(member.Id, key.ClientId, FromSignOn: true),
            auth.Options.SessionTokenLifetime);
        return EmulatorJson.Result(new JsonObject
        {
            ["sessionToken"] = sessionToken,
            ["identity"] = StateResponse.Identity(member),
        });
    }
}
