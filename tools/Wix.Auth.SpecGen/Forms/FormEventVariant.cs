using Wix.Auth.Core.Members;
using static Wix.Auth.SpecGen.Forms.FormFixtures;

namespace Wix.Auth.SpecGen.Forms;

/// <summary>A representative event of the forms: every kind, and the variants that the decider tells apart.</summary>
public sealed record FormEventVariant(string Name, MemberFormEvent Event)
{
    /// <summary>All, in table column order. Submissions come 60 s after the paths' first form; the late code after the TTL.</summary>
    public static IReadOnlyList<FormEventVariant> All { get; } =
    [
        new("LoginSubmitted", Login(60)),
        new("LoginSubmitted (invalid email)", Login(60, email: "member@example")),
        new("LoginSubmitted (empty password)", Login(60, password: "")),
        new("RegistrationSubmitted", Register(60)),
        new("CodeSubmitted", Code(60)),
        new("CodeSubmitted (empty)", Code(60, "")),
        new("CodeSubmitted (after the TTL)", Code(601)),
        new("ResetMailRequested", ResetMail()),
        new("ResetMailRequested (invalid email)", ResetMail("no address")),
        new("NewPasswordSubmitted", NewPassword(60)),
        new("NewPasswordSubmitted (empty)", NewPassword(60, "")),
        new("StateAnswered SUCCESS", Answer("SUCCESS")),
        new("StateAnswered SUCCESS without a session token", Answer("SUCCESS", withToken: false)),
        new("StateAnswered REQUIRE_EMAIL_VERIFICATION", Answer("REQUIRE_EMAIL_VERIFICATION")),
        new("StateAnswered REQUIRE_OWNER_APPROVAL", Answer("REQUIRE_OWNER_APPROVAL")),
        new("StateAnswered REQUIRE_MFA", Answer("REQUIRE_MFA")),
        new("CallRefused -19976", Refused("-19976")),
        new("CallRefused -19999", Refused("-19999", 404)),
        new("CallRefused -19995", Refused("-19995", 409)),
        new("CallRefused VERIFICATION_FAILED", Refused("VERIFICATION_FAILED")),
        new("CallRefused -19971", Refused("-19971")),
        new("CallRefused INVALID_STATE_TOKEN", Refused("INVALID_STATE_TOKEN")),
        new("CallRefused (password too short)", FieldRefused("password", "MIN_LENGTH", null)),
        new("CallRefused (unreachable)", Unreachable()),
        new("ResetMailAccepted", new MemberFormEvent.ResetMailAccepted()),
    ];
}
