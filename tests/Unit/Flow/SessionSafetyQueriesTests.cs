using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using static Wix.Auth.Tests.Unit.Flow.Fixture;

namespace Wix.Auth.Tests.Unit.Flow;

/// <summary>
/// The core's rules against login CSRF, unknown providers and stale or decoy verifications (issue 26): which logins start
/// only from the site, when a login may replace a session, which provider names a site offers, how long a verification
/// lives and what a form answers so it does not tell who is a member.
/// </summary>
public sealed class SessionSafetyQueriesTests
{
    [Theory]
    [InlineData(Prompt.None, false, true)]
    [InlineData(Prompt.Login, true, true)]
    [InlineData(Prompt.None, true, true)]
    [InlineData(Prompt.Login, false, false)]
    public void A_login_that_may_end_without_a_page_starts_only_from_the_site(Prompt prompt, bool social, bool sameOriginOnly) =>
        Assert.Equal(sameOriginOnly, LoginQueries.NeedsSameOriginStart(prompt, social));

    [Fact]
    public void A_silent_login_replaces_only_the_same_members_session()
    {
        Assert.True(LoginQueries.MayReplaceSession(Prompt.None, hasMemberSession: true, Some("ada"), Some("ada")));
        Assert.False(LoginQueries.MayReplaceSession(Prompt.None, hasMemberSession: true, Some("ada"), Some("alan")));
        Assert.False(LoginQueries.MayReplaceSession(Prompt.None, hasMemberSession: true, Some("ada"), None));
        Assert.False(LoginQueries.MayReplaceSession(Prompt.None, hasMemberSession: true, None, Some("alan")));
        Assert.False(LoginQueries.MayReplaceSession(Prompt.None, hasMemberSession: true, None, None));
        Assert.True(LoginQueries.MayReplaceSession(Prompt.None, hasMemberSession: false, None, Some("alan")));
        Assert.True(LoginQueries.MayReplaceSession(Prompt.Login, hasMemberSession: true, Some("ada"), Some("alan")));
    }

    [Fact]
    public void Only_a_silent_logins_replacement_depends_on_the_browsers_session()
    {
        Assert.True(LoginQueries.ReplacementNeedsSession(Prompt.None));
        Assert.False(LoginQueries.ReplacementNeedsSession(Prompt.Login));
    }

    [Fact]
    public void A_provider_is_one_the_site_offers_by_its_exact_name()
    {
        var offered = Seq("google", "facebook", "c0ffee00-0000-4000-8000-000000000001");
        Assert.Equal(IdentityProvider.Google, IdentityProvider.Offered("google", offered));
        Assert.Equal(IdentityProvider.Facebook, IdentityProvider.Offered("facebook", offered));
        Assert.Equal(new IdentityProvider("c0ffee00-0000-4000-8000-000000000001"), IdentityProvider.Offered("c0ffee00-0000-4000-8000-000000000001", offered));
        Assert.Equal(new AuthError.UnknownIdentityProvider(), IdentityProvider.Offered("Google", offered));
        Assert.Equal(new AuthError.UnknownIdentityProvider(), IdentityProvider.Offered("twitter", offered));
        Assert.Equal(new AuthError.UnknownIdentityProvider(), IdentityProvider.Offered("google", Seq1("facebook")));
        Assert.Equal("unknown_identity_provider", new AuthError.UnknownIdentityProvider().Code);
    }
}
