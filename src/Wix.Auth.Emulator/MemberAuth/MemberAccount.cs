using System.Text.Json.Nodes;

namespace Wix.Auth.Emulator.MemberAuth;

/// <summary>
/// A member as the identity service knows them: configured at start or registered since. Immutable: a change
/// (verified, approved, new password) replaces the record in the directory.
/// </summary>
internal sealed record MemberAccount(
    string Id,
    string ContactId,
    string Email,
    string Password,
    string FirstName,
    string LastName,
    string Nickname,
    bool EmailVerified,
    bool Approved,
    bool PasswordResetRequired,
    JsonObject? Profile,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Revision)
{
    public static MemberAccount From(DemoMember member, DateTimeOffset now) => new(
        member.Id, ContactIdOf(member.Id), member.Email, member.Password, member.FirstName, member.LastName,
        member.Nickname, member.EmailVerified, member.Approved, PasswordResetRequired: false, Profile: null, now, now, 1);

    /// <summary>What tokens, codes and the Members API carry: the member at this moment.</summary>
    public DemoMember AsDemoMember() =>
        new(Email, Password, Id, FirstName, LastName, Nickname, EmailVerified, Approved);

    /// <summary>A contact ID derived from the member ID, so it is stable across restarts for configured members.</summary>
    public static string ContactIdOf(string memberId) => "c0" + (memberId.Length > 2 ? memberId[2..] : memberId);

    /// <summary>Never the password.</summary>
    public override string ToString() => $"MemberAccount {{ Id = {Id}, Email = {Email} }}";
}
