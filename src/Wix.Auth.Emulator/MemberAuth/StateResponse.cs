using System.Globalization;
using System.Text.Json.Nodes;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>
/// The answer of login, register, verify and recover: <c>{"state","sessionToken"|"stateToken","identity","additionalData"}</c>,
/// with the identity fields the SDK's typings name.
/// </summary>
internal static class StateResponse
{
    public static IResult Of(AuthStep step)
    {
        var body = step switch
        {
            AuthStep.Success s => new JsonObject { ["state"] = "SUCCESS", ["sessionToken"] = s.SessionToken },
            AuthStep.EmailVerificationRequired v => new JsonObject { ["state"] = "REQUIRE_EMAIL_VERIFICATION", ["stateToken"] = v.StateToken },
            _ => new JsonObject { ["state"] = "REQUIRE_OWNER_APPROVAL" },
        };
        body["identity"] = Identity(MemberOf(step));
        body["additionalData"] = new JsonObject();
        return EmulatorJson.Result(body);
    }

    public static JsonObject Identity(MemberAccount member)
    {
        var profile = member.Profile?.DeepClone().AsObject() ?? new JsonObject();
        profile["firstName"] = member.FirstName;
        profile["lastName"] = member.LastName;
        if (member.Nickname.Length > 0) profile["nickname"] = member.Nickname;
        return new JsonObject
        {
            ["id"] = member.Id,
            ["revision"] = member.Revision.ToString(CultureInfo.InvariantCulture),
            ["createdDate"] = Date(member.CreatedAt),
            ["updatedDate"] = Date(member.UpdatedAt),
            ["identityProfile"] = profile,
            ["email"] = new JsonObject { ["address"] = member.Email, ["isVerified"] = member.EmailVerified },
            ["status"] = new JsonObject
            {
                ["name"] = member.Approved ? "ACTIVE" : "PENDING",
                ["reasons"] = member.Approved ? new JsonArray() : new JsonArray("PENDING_OWNER_APPROVAL"),
            },
            ["contactId"] = member.ContactId,
        };
    }

    private static MemberAccount MemberOf(AuthStep step) => step switch
    {
        AuthStep.Success s => s.Member,
        AuthStep.EmailVerificationRequired v => v.Member,
        AuthStep.OwnerApprovalRequired o => o.Member,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    private static string Date(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
