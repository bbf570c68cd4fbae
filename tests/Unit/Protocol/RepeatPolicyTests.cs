using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Tests.Unit.Protocol;

/// <summary>
/// Every request says whether it may be repeated, and why: the table below names each request type's policy, and a
/// request type it does not name fails. What each policy allows after each way an attempt can end.
/// </summary>
public sealed class RepeatPolicyTests
{
    private static readonly Secret Token = new("AT-1");
    private static readonly Secret ApiKey = new("API-KEY-1");

    private static readonly AuthRequest Auth = new("https://shop.example/cb", "cid-1", "challenge", "S256", "query", "code", "offline_access", "state-1");

    // One of each request, with the policy it must declare.
    private static readonly (object Request, Type Policy)[] Table =
    [
        (new WixRequest.AnonymousGrant("cid-1"), typeof(RepeatPolicy.Safe)),
        (new WixRequest.AuthorizationCodeGrant("cid-1", "https://shop.example/cb", new("CODE-1"), new("VERIFIER-1")), typeof(RepeatPolicy.OnlyIfNeverSent)),
        (new WixRequest.RefreshTokenGrant("cid-1", new("RT-1")), typeof(RepeatPolicy.Safe)),
        (new WixRequest.LoginSession(Token, Auth, "login"), typeof(RepeatPolicy.Safe)),
        (new WixRequest.LogoutSession(Token, "cid-1", "https://shop.example/bye"), typeof(RepeatPolicy.Safe)),
        (new MemberAuthRequest.Login(Token, "jane@example.com", new("Secret-123"), None), typeof(RepeatPolicy.OnlyIfNeverSent)),
        (new MemberAuthRequest.Register(Token, "jane@example.com", new("Secret-123"), None, None), typeof(RepeatPolicy.OnlyIfNeverSent)),
        (new MemberAuthRequest.Verify(Token, new("123456"), new("STATE-1")), typeof(RepeatPolicy.OnlyIfNeverSent)),
        (new MemberAuthRequest.SendRecoveryEmail(Token, "jane@example.com", "https://shop.example/reset", "cid-1"), typeof(RepeatPolicy.OnlyIfNeverSent)),
        (new MemberAuthRequest.Recover(Token, new("REC-1"), new("Secret-123")), typeof(RepeatPolicy.OnlyIfNeverSent)),
        (new MemberAuthRequest.SignOn(Token, ApiKey, "jane@example.com", None, None, None), typeof(RepeatPolicy.OnlyIfNeverSent)),
        (new MemberAuthRequest.ExternalLogin(None, ApiKey, "member-1"), typeof(RepeatPolicy.OnlyIfNeverSent)),
        (new MemberAuthRequest.ExternalLoginWithSession(Token, ApiKey, "member-1", new("SESSION-1")), typeof(RepeatPolicy.OnlyIfNeverSent)),
        (new MemberAuthRequest.TokenInfo(Token), typeof(RepeatPolicy.Safe)),
    ];

    private static RepeatPolicy RepeatOf(object request) => request switch
    {
        WixRequest r => r.Repeat,
        MemberAuthRequest r => r.Repeat,
        _ => throw new ArgumentOutOfRangeException(nameof(request)),
    };

    [Fact]
    public void Each_request_declares_its_policy_with_a_reason()
    {
        Assert.All(Table, row =>
        {
            var repeat = RepeatOf(row.Request);
            Assert.Equal((row.Request.GetType().Name, row.Policy), (row.Request.GetType().Name, repeat.GetType()));
            Assert.False(string.IsNullOrWhiteSpace(repeat.Reason));
        });
    }

    [Fact]
    public void The_table_names_every_request_type()
    {
        var requestTypes = typeof(WixRequest).GetNestedTypes().Concat(typeof(MemberAuthRequest).GetNestedTypes())
            .Where(t => t.IsSubclassOf(typeof(WixRequest)) || t.IsSubclassOf(typeof(MemberAuthRequest)))
            .Select(t => t.FullName).Order();

        Assert.Equal(requestTypes, Table.Select(r => r.Request.GetType().FullName).Order());
    }

    public static TheoryData<AttemptOutcome, bool, bool> Outcomes => new()
    {
        // outcome, allowed by Safe, allowed by OnlyIfNeverSent
        { AttemptOutcome.NeverSent.Instance, true, true },
        { AttemptOutcome.ConnectionLost.Instance, true, false },
        { AttemptOutcome.TimedOut.Instance, true, false },
        { new AttemptOutcome.Answered(503), true, false },
        { new AttemptOutcome.Answered(500), true, false },
        { new AttemptOutcome.Answered(429), true, false },
        { new AttemptOutcome.Answered(408), true, false },
        { new AttemptOutcome.Answered(400), false, false },
        { new AttemptOutcome.Answered(401), false, false },
        { new AttemptOutcome.Answered(404), false, false },
        { new AttemptOutcome.Answered(200), false, false },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void A_safe_request_is_repeated_after_any_transient_failure_the_others_only_when_never_sent(AttemptOutcome outcome, bool safe, bool onlyIfNeverSent)
    {
        Assert.Equal(safe, new RepeatPolicy.Safe("r").AllowsAnotherAttempt(outcome));
        Assert.Equal(onlyIfNeverSent, new RepeatPolicy.OnlyIfNeverSent("r").AllowsAnotherAttempt(outcome));
    }
}
