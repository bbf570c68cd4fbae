using System.Net;
using Microsoft.Extensions.Time.Testing;
using Wix.Auth.AspNetCore.Endpoints;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>
/// Limits that bound Wix's cost without handing anyone a switch (issue 26, finding 2): a form post without this site's
/// token is never counted; past the total budget only a group of clients that has not had its guaranteed starts may start,
/// so attackers from many addresses spend the budget and then nothing, while a member who has not asked yet still logs
/// in; and the cost stays bounded.
/// </summary>
public sealed class FairLimitTests
{
    [Fact]
    public async Task Form_posts_without_the_sites_token_are_refused_and_never_counted()
    {
        await using var site = await TestSite.StartAsync(site: o => o with { Web = w => w.FormAttemptsPerClientPerMinute = 3 });
        using var browser = new SiteBrowser();
        for (var i = 0; i < 20; i++)
        {
            using var forged = await browser.PostFormAsync(new Uri(site.Url, "auth/member/login"), ("email", "x@example.com"), ("password", "x"));
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        var token = await browser.FormTokenAsync(site.Url);
        using var real = await browser.PostFormAsync(new Uri(site.Url, "auth/member/login"),
            ("__RequestVerificationToken", token), ("email", DemoData.Ada.Email), ("password", DemoData.Ada.Password));
        Assert.Equal(site.Emulator.BaseUrl.Authority, SiteBrowser.Redirected(real).Authority);
        Assert.Equal(1, site.Emulator.RequestLog.Count(EmulatorEndpoint.Login));
    }

    [Fact]
    public async Task Two_hundred_attacking_addresses_cannot_stop_a_member_logging_in_and_Wix_calls_stay_bounded()
    {
        const int budget = 100;
        await using var site = await TestSite.StartAsync(site: o => o with { Web = w => (w.LoginsPerClientPerMinute, w.LoginsPerMinute) = (5, budget) });
        var attackers = Enumerable.Range(2, 200).Select(i => new SiteBrowser(IPAddress.Parse($"127.0.0.{i}"))).ToList();
        try
        {
            // Every attacker asks past its own limit, all at once.
            var attempts = attackers.SelectMany(a => Enumerable.Range(0, 6).Select(_ => a)).Select(async a =>
            {
                using var response = await a.GetAsync(new Uri(site.Url, "auth/login"));
                return response.StatusCode;
            });
            var answers = await Task.WhenAll(attempts);
            Assert.All(answers, s => Assert.True(s is HttpStatusCode.Found or HttpStatusCode.TooManyRequests, $"answered {(int)s}"));
            var began = answers.Count(s => s == HttpStatusCode.Found);
            Assert.True(began <= budget + FairWindowLimiter.Guaranteed * attackers.Count, $"{began} logins began");
            Assert.Contains(HttpStatusCode.TooManyRequests, answers);

            using var member = new SiteBrowser(IPAddress.Parse("127.0.1.1"));
            using var done = await member.LogInAsync(site.Url, DemoData.Ada);
            Assert.Equal(HttpStatusCode.Found, done.StatusCode);
            Assert.Equal("Ada Lovelace", await member.MemberNameAsync(site.Url));
            Assert.Equal(began + 1, site.Emulator.RequestLog.Count(EmulatorEndpoint.RedirectSession));
        }
        finally
        {
            attackers.ForEach(a => a.Dispose());
        }
    }

    [Fact]
    public void Past_the_budget_only_groups_under_their_guaranteed_starts_start_and_groups_beyond_the_bound_share_one_count()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var limiter = new FairWindowLimiter(perClient: 10, total: 20, time);
        var admitted = 0;
        for (var i = 0; i < 10; i++)
            for (var a = 0; a < 10; a++)
                if (limiter.TryAdmit(IPAddress.Parse($"10.0.0.{a}"), out _)) admitted++;

        // 20 for anyone, two each; past the budget each of the ten has made its guaranteed two already.
        Assert.Equal(20, admitted);
        Assert.True(limiter.TryAdmit(IPAddress.Parse("10.0.1.1"), out _), "a new client got nothing");
        Assert.True(limiter.TryAdmit(IPAddress.Parse("10.0.1.1"), out _), "a new client got one start");
        Assert.False(limiter.TryAdmit(IPAddress.Parse("10.0.1.1"), out var retryAfter), "a third start past the budget");
        Assert.Equal(TimeSpan.FromMinutes(1), retryAfter);

        // Groups beyond the bound are counted together: two starts between all of them.
        for (var g = 11; g < FairWindowLimiter.MaxGroups; g++) limiter.TryAdmit(new IPAddress(0x0B000000u + (uint)g), out _);
        Assert.True(limiter.TryAdmit(IPAddress.Parse("12.0.0.1"), out _));
        Assert.True(limiter.TryAdmit(IPAddress.Parse("12.0.0.2"), out _));
        Assert.False(limiter.TryAdmit(IPAddress.Parse("12.0.0.3"), out _));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(limiter.TryAdmit(IPAddress.Parse("10.0.0.1"), out _), "a new window");
    }

    [Fact]
    public void An_ipv6_client_is_its_64_and_a_48_is_one_group_past_the_budget()
    {
        var limiter = new FairWindowLimiter(perClient: 2, total: 4, new FakeTimeProvider());
        Assert.True(limiter.TryAdmit(IPAddress.Parse("2001:db8:1:1::1"), out _));
        Assert.True(limiter.TryAdmit(IPAddress.Parse("2001:db8:1:1::2"), out _));
        Assert.False(limiter.TryAdmit(IPAddress.Parse("2001:db8:1:1:ffff::9"), out _));   // the same /64: its limit

        // The budget spent by one /48's many /64s: past it, that /48 is one group, which has had its starts.
        Assert.True(limiter.TryAdmit(IPAddress.Parse("2001:db8:1:2::1"), out _));
        Assert.True(limiter.TryAdmit(IPAddress.Parse("2001:db8:1:3::1"), out _));
        Assert.False(limiter.TryAdmit(IPAddress.Parse("2001:db8:1:4::1"), out _));
        Assert.True(limiter.TryAdmit(IPAddress.Parse("2001:db8:2:1::1"), out _));          // another /48 gets its starts
    }
}
