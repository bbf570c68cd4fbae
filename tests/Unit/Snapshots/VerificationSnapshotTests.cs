using System.Text;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Snapshots;

namespace Wix.Auth.Tests.Unit.Snapshots;

/// <summary>What a host keeps of a verification between requests reads back as it was, and anything else reads as none.</summary>
public sealed class VerificationSnapshotTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_kept_verification_reads_back_whole()
    {
        var kept = new PendingVerification(new Secret("vt-1"), Some(new MemberIdentity("m-1", "c-1", null, null)), T0, Some("/cart"))
            { WrongCodes = 2, Decoy = true };
        var bare = new PendingVerification(new Secret("vt-2"), None, T0, None);

        Assert.Equal(Some(kept), VerificationSnapshots.Deserialize(VerificationSnapshots.Serialize(kept)));
        Assert.Equal(Some(bare), VerificationSnapshots.Deserialize(VerificationSnapshots.Serialize(bare)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"stateToken":""}""")]
    [InlineData("""{"stateToken":"vt","wrongCodes":-1}""")]
    public void Anything_but_a_verification_reads_as_none(string json) =>
        Assert.True(VerificationSnapshots.Deserialize(Encoding.UTF8.GetBytes(json)).IsNone);

    [Fact]
    public void An_empty_member_id_names_no_member()
    {
        var read = VerificationSnapshots.Deserialize("""{"stateToken":"vt","memberId":"","issuedAt":"2026-12-06T12:00:00+00:00"}"""u8);

        Assert.Equal(Some(new PendingVerification(new Secret("vt"), None, T0, None)), read);
    }

    [Fact]
    public void A_logged_in_form_becomes_a_silent_session_token_login_naming_its_member()
    {
        var jane = new MemberIdentity("m-1", null, null, null);
        var data = Core.OAuth.Pkce.GenerateOAuthData("https://shop.example/cb", None, new byte[Core.OAuth.Pkce.RequiredEntropyBytes]).Match(d => d, _ => throw new InvalidOperationException());

        var login = MemberFormQueries.LoginRequestOf(new MemberAuthStep.LoggedIn(new Secret("st"), jane), data, ResponseMode.Query, T0);

        Assert.Equal((Prompt.None, ResponseMode.Query, T0), (login.Prompt, login.ResponseMode, login.Now));
        Assert.Equal(new LoginMethod.WithSessionToken(new Secret("st")) { Member = Some(jane) }, login.Method);
    }
}
