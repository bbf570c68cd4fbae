using Wix.Auth.Core.Members;
using static Wix.Auth.SpecGen.Forms.FormFixtures;

namespace Wix.Auth.SpecGen.Forms;

/// <summary>A representative state of the forms, reached from <c>Idle</c> by <paramref name="Path"/> (under the table's settings).</summary>
public sealed record FormStateVariant(string Name, IReadOnlyList<MemberFormEvent> Path)
{
    /// <summary>All, in table order. Every path starts at T0.</summary>
    public static IReadOnlyList<FormStateVariant> All { get; } =
    [
        new("Idle", []),
        new("Awaiting (login)", [Login(0)]),
        new("Awaiting (register)", [Register(0)]),
        new("Awaiting (verify)", [Register(0), Answer("REQUIRE_EMAIL_VERIFICATION"), Code(30)]),
        new("Awaiting (verify a decoy)", [Register(0), Refused("-19995", 409), Code(30)]),
        new("Awaiting (reset mail)", [ResetMail()]),
        new("Awaiting (recover)", [NewPassword(0)]),
        new("VerificationRequired", [Register(0), Answer("REQUIRE_EMAIL_VERIFICATION")]),
        new("VerificationRequired (decoy)", [Register(0), Refused("-19995", 409)]),
        new("ApprovalRequired", [Login(0), Answer("REQUIRE_OWNER_APPROVAL")]),
        new("LoggedIn", [Login(0), Answer("SUCCESS")]),
        new("ResetMailSent", [ResetMail(), new MemberFormEvent.ResetMailAccepted()]),
        new("Failed (wrong code, verification kept)", [Register(0), Answer("REQUIRE_EMAIL_VERIFICATION"), Code(30), Refused("VERIFICATION_FAILED")]),
        new("Failed (wrong credentials)", [Login(0), Refused("-19976")]),
    ];
}
