using System.Text.Json;
using LanguageExt;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;

namespace Wix.Auth.Core.Snapshots;

/// <summary>
/// The one translation between a <see cref="PendingVerification"/> and what a host keeps between requests (a protected
/// cookie, the tab's storage). Reading is total: bytes that are not a verification give none.
/// </summary>
public static class VerificationSnapshots
{
    /// <summary>The verification as UTF-8 JSON; the state token included, so the host must keep it private.</summary>
    public static byte[] Serialize(PendingVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        var member = verification.Member.Case as MemberIdentity;
        return JsonSerializer.SerializeToUtf8Bytes(new VerificationSnapshot
        {
            StateToken = verification.StateToken.Reveal(),
            MemberId = member?.MemberId,
            ContactId = member?.ContactId,
            IssuedAt = verification.IssuedAt,
            ReturnTo = verification.ReturnTo.Case as string,
            WrongCodes = verification.WrongCodes,
            Decoy = verification.Decoy,
        }, SnapshotJsonContext.Default.VerificationSnapshot);
    }

    /// <summary>The verification <paramref name="utf8Json"/> holds, or none.</summary>
    public static Option<PendingVerification> Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, SnapshotJsonContext.Default.VerificationSnapshot) is { StateToken.Length: > 0, WrongCodes: >= 0 } s
                ? new PendingVerification(new Secret(s.StateToken),
                    Optional(s.MemberId).Filter(id => id.Length > 0).Map(id => new MemberIdentity(id, s.ContactId, null, null)),
                    s.IssuedAt, Optional(s.ReturnTo)) { WrongCodes = s.WrongCodes, Decoy = s.Decoy }
                : None;
        }
        catch (JsonException)
        {
            return None;
        }
    }
}

/// <summary>A pending verification as kept.</summary>
internal sealed class VerificationSnapshot
{
    public string? StateToken { get; set; }

    public string? MemberId { get; set; }

    public string? ContactId { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public string? ReturnTo { get; set; }

    public int WrongCodes { get; set; }

    public bool Decoy { get; set; }
}
