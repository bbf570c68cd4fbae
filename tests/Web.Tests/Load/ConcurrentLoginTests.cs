using System.Diagnostics;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Load;

/// <summary>
/// Many people logging in at once through the site and the emulator: no errors, and each ends up with their own session
/// and their own tokens — the name the site shows each of them is their own.
/// </summary>
public sealed class ConcurrentLoginTests
{
    private const int Logins = 100;
    private const int DistinctMembers = 7;

    [Fact]
    public async Task A_hundred_concurrent_logins_each_end_with_their_own_member()
    {
        var members = Enumerable.Range(0, DistinctMembers)
            .Select(i => new DemoMember($"member{i}@example.com", $"password-{i}", $"a11ce000-0000-4000-8000-0000000001{i:D2}", "Member", $"No{i}", $"Member {i}"))
            .ToArray();
        // Every login comes from one address here: lift the per-client bound (LoginBoundsTests checks it).
        await using var site = await TestSite.StartAsync(o => o with { Members = members }, o => o with { Web = w => w.LoginsPerClientPerMinute = Logins });
        var clock = Stopwatch.StartNew();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Logins).Select(async i =>
        {
            var member = members[i % DistinctMembers];
            using var browser = new SiteBrowser();
            using (var callback = await browser.LogInAsync(site.Url, member)) Assert.Equal("/", callback.Headers.Location!.OriginalString);
            return (Expected: member.Nickname, Shown: await browser.MemberNameAsync(site.Url), Session: browser.Cookie(site.Url, "wix.session"));
        }));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"{Logins} logins took {clock.Elapsed}");
        Assert.All(outcomes, o => Assert.Equal(o.Expected, o.Shown));
        Assert.Equal(Logins, outcomes.Select(o => o.Session).Distinct().Count());
    }
}
