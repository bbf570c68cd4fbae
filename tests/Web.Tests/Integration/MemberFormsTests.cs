using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wix.Auth.AspNetCore;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Emulator;
using Wix.Auth.Web.Tests.Support;

namespace Wix.Auth.Web.Tests.Integration;

/// <summary>
/// The demo site's own forms over real HTTP against the emulator: sign-up, the mailed code, login, the reset mail and a
/// new password, each ending in a member session through the session token and the ordinary callback; and what a form must
/// never do — accept a POST without the antiforgery token, take unbounded attempts, echo or log a password or a code, tell a
/// wrong password from an unknown email, keep anything for a failed attempt.
/// </summary>
public sealed partial class MemberFormsTests
{
    private const string NewEmail = "grace@example.com";
    private const string NewPassword = "Hopper-1906-cobol";

    [Fact]
    public async Task A_visitor_signs_up_enters_the_mailed_code_and_is_a_member_with_their_member_id()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();

        var verify = await SubmitAsync(browser, site, "register", ("firstName", "Grace"), ("email", NewEmail), ("password", NewPassword));
        Assert.Equal("/sign-in?form=verify", verify.PathAndQuery);
        var toWix = await SubmitAsync(browser, site, "verify", ("code", site.Emulator.Outbox.To(NewEmail)[^1].Code!));
        await FollowToSiteAsync(browser, site, toWix);

        var home = await browser.HomeAsync(site.Url);
        Assert.Equal("Grace", SiteBrowser.MemberName(home));
        Assert.Equal(await EmulatorMemberIdAsync(site, NewEmail), MemberId(home));
    }

    [Fact]
    public async Task A_member_logs_in_with_the_sites_form_and_the_principal_carries_their_member_id()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();

        var toWix = await SubmitAsync(browser, site, "login", ("email", DemoData.Ada.Email), ("password", DemoData.Ada.Password), ("returnUrl", "/account"));
        var back = await FollowToSiteAsync(browser, site, toWix);

        Assert.Equal("/account", back.AbsolutePath);
        var home = await browser.HomeAsync(site.Url);
        Assert.Equal("Ada Lovelace", SiteBrowser.MemberName(home));
        Assert.Equal(DemoData.Ada.Id, MemberId(home));
    }

    [Fact]
    public async Task A_login_on_wixs_page_also_gives_the_member_id_claim()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        using (await browser.LogInAsync(site.Url, DemoData.Alan)) { }

        Assert.Equal(DemoData.Alan.Id, MemberId(await browser.HomeAsync(site.Url)));
    }

    [Fact]
    public async Task The_member_id_comes_from_the_form_without_asking_wix_and_from_one_token_info_call_after_wixs_page()
    {
        await using var site = await TestSite.StartAsync();
        using var ada = new SiteBrowser();
        using var alan = new SiteBrowser();

        await FollowToSiteAsync(ada, site, await SubmitAsync(ada, site, "login", ("email", DemoData.Ada.Email), ("password", DemoData.Ada.Password)));
        Assert.Empty(site.Emulator.RequestLog.For(EmulatorEndpoint.TokenInfo));
        using (await alan.LogInAsync(site.Url, DemoData.Alan)) { }

        Assert.Single(site.Emulator.RequestLog.For(EmulatorEndpoint.TokenInfo));
        Assert.Equal(DemoData.Ada.Id, MemberId(await ada.HomeAsync(site.Url)));
        Assert.Equal(DemoData.Alan.Id, MemberId(await alan.HomeAsync(site.Url)));
        // Kept in the session's entry, so it is never fetched again.
        var stored = await site.Site.Services.GetRequiredService<ISessionStore>().GetAsync(AspNetCore.Sessions.SessionId.KeyOf(alan.Cookie(site.Url, "wix.session"))!, default);
        Assert.Equal(LanguageExt.Prelude.Some(DemoData.Alan.Id), Core.Flow.LoginQueries.MemberIdentityOf(stored!).Map(m => m.MemberId));
    }

    [Fact]
    public async Task When_token_info_fails_the_member_is_logged_in_without_the_member_id_claim()
    {
        await using var site = await TestSite.StartAsync();
        site.Emulator.Faults.Add(FaultSpec.Status(EmulatorEndpoint.TokenInfo, 400) with { Count = 1 });
        using var browser = new SiteBrowser();

        using (await browser.LogInAsync(site.Url, DemoData.Alan)) { }

        var home = await browser.HomeAsync(site.Url);
        Assert.Equal("Alan Turing", SiteBrowser.MemberName(home));
        Assert.Null(MemberId(home));
    }

    [Fact]
    public async Task The_member_ids_come_from_the_session_entry_and_the_browser_carries_only_the_session_id()
    {
        await using var site = await TestSite.StartAsync();
        using var ada = new SiteBrowser();
        using var alan = new SiteBrowser();
        using (await ada.LogInAsync(site.Url, DemoData.Ada)) { }
        using (await alan.LogInAsync(site.Url, DemoData.Alan)) { }

        Assert.Equal(DemoData.Alan.Id, MemberId(await alan.HomeAsync(site.Url)));
        Assert.Equal(DemoData.Ada.Id, MemberId(await ada.HomeAsync(site.Url)));
        Assert.Equal(["wix.session"], alan.Cookies.GetCookies(site.Url).Select(c => c.Name).Where(n => n.StartsWith("wix.session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_answer_and_store_nothing()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();

        var wrong = await SubmitAsync(browser, site, "login", ("email", DemoData.Ada.Email), ("password", "not-her-password"));
        var unknown = await SubmitAsync(browser, site, "login", ("email", "nobody@example.com"), ("password", "whatever-1"));
        var page = await (await browser.GetAsync(wrong)).Content.ReadAsStringAsync();

        Assert.Equal("/sign-in?form=login&error=wrong_credentials", wrong.PathAndQuery);
        Assert.Equal(wrong, unknown);
        Assert.DoesNotContain("not-her-password", page);
        Assert.DoesNotContain(DemoData.Ada.Email, page);
        Assert.Null(browser.Cookie(site.Url, "wix.session"));
        Assert.Null(await site.Site.Services.GetRequiredService<ISessionStore>().GetAsync(Wix.Auth.AspNetCore.Sessions.SessionId.NoSession, default));
    }

    [Fact]
    public async Task A_wrong_code_can_be_corrected_and_the_pending_verification_stays_with_the_browser()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        await SubmitAsync(browser, site, "register", ("email", NewEmail), ("password", NewPassword));
        var code = site.Emulator.Outbox.To(NewEmail)[^1].Code!;

        var wrong = await SubmitAsync(browser, site, "verify", ("code", code == "000000" ? "111111" : "000000"));
        using var stranger = new SiteBrowser();
        var strangers = await SubmitAsync(stranger, site, "verify", ("code", code));
        var right = await SubmitAsync(browser, site, "verify", ("code", code));

        Assert.Equal("/sign-in?form=verify&error=wrong_verification_code", wrong.PathAndQuery);
        Assert.Equal("/sign-in?form=verify&error=no_verification_pending", strangers.PathAndQuery);
        Assert.Equal(site.Emulator.BaseUrl.Authority, right.Authority);
    }

    [Fact]
    public async Task Wrong_codes_end_the_verification_at_the_bound_and_leave_no_ticket_behind()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        await SubmitAsync(browser, site, "register", ("email", NewEmail), ("password", NewPassword));
        var code = site.Emulator.Outbox.To(NewEmail)[^1].Code!;
        var wrong = code == "000000" ? "111111" : "000000";

        var answers = new List<string>();
        for (var i = 0; i < 5; i++) answers.Add((await SubmitAsync(browser, site, "verify", ("code", wrong))).Query);
        var ticket = browser.Cookie(new Uri(site.Url, "auth/"), "wix.login.verify");
        var right = await SubmitAsync(browser, site, "verify", ("code", code));

        Assert.Equal([.. Enumerable.Repeat("?form=verify&error=wrong_verification_code", 4), "?form=verify&error=too_many_wrong_codes"], answers);
        Assert.Null(ticket);
        Assert.Equal("/sign-in?form=verify&error=no_verification_pending", right.PathAndQuery);
        Assert.Equal(5, site.Emulator.RequestLog.Count(EmulatorEndpoint.Verify));
    }

    [Fact]
    public async Task Forgot_password_mails_a_link_and_the_new_password_logs_the_member_in()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();

        var sent = await SubmitAsync(browser, site, "reset", ("email", DemoData.Ada.Email));
        var unknown = await SubmitAsync(browser, site, "reset", ("email", "nobody@example.com"));
        var link = new Uri(site.Emulator.Outbox.To(DemoData.Ada.Email)[^1].Link!);
        var form = await (await browser.GetAsync(link)).Content.ReadAsStringAsync();
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["recoveryToken"]!;
        var toWix = await SubmitAsync(browser, site, "recover", ("recoveryToken", token), ("password", NewPassword));
        await FollowToSiteAsync(browser, site, toWix);

        Assert.Equal("/sign-in?form=reset&done=1", sent.PathAndQuery);
        Assert.Equal(sent, unknown);
        Assert.Equal((site.Url.Authority, "/sign-in"), (link.Authority, link.AbsolutePath));
        Assert.Contains("id=\"new-password\"", form);
        Assert.Equal("Ada Lovelace", await browser.MemberNameAsync(site.Url));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_before_anything_is_sent_to_wix()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();
        site.Emulator.RequestLog.Clear();

        using var response = await browser.PostFormAsync(new Uri(site.Url, "auth/member/login"), ("email", DemoData.Ada.Email), ("password", DemoData.Ada.Password));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(site.Emulator.RequestLog.Entries);
    }

    [Fact]
    public async Task Attempts_are_bounded_per_client_with_429_and_retry_after()
    {
        await using var site = await TestSite.StartAsync(site: o => o with { Web = w => w.FormAttemptsPerClientPerMinute = 3 });
        using var browser = new SiteBrowser();
        var token = await browser.FormTokenAsync(site.Url);

        for (var i = 0; i < 3; i++)
        {
            using var attempt = await browser.PostFormAsync(new Uri(site.Url, "auth/member/login"),
                ("__RequestVerificationToken", token), ("email", DemoData.Ada.Email), ("password", $"guess-{i}"));
            Assert.Equal(HttpStatusCode.SeeOther, attempt.StatusCode);
        }
        site.Emulator.RequestLog.Clear();
        using var refused = await browser.PostFormAsync(new Uri(site.Url, "auth/member/login"),
            ("__RequestVerificationToken", token), ("email", DemoData.Ada.Email), ("password", DemoData.Ada.Password));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Empty(site.Emulator.RequestLog.Entries);
    }

    [Fact]
    public async Task Passwords_and_codes_never_reach_the_log()
    {
        var logs = new CapturingLoggerProvider();
        await using var site = await TestSite.StartAsync(site: o => o with { MinimumLogLevel = LogLevel.Trace, Logging = l => l.AddProvider(logs) });
        using var browser = new SiteBrowser();

        await SubmitAsync(browser, site, "login", ("email", DemoData.Ada.Email), ("password", "not-her-password"));
        await SubmitAsync(browser, site, "register", ("email", NewEmail), ("password", NewPassword));
        var code = site.Emulator.Outbox.To(NewEmail)[^1].Code!;
        await FollowToSiteAsync(browser, site, await SubmitAsync(browser, site, "verify", ("code", code)));

        var log = string.Join("\n", logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains(" Wix.Auth.Effects.", StringComparison.Ordinal));
        foreach (var secret in new[] { "not-her-password", NewPassword, code })
            Assert.DoesNotContain(secret, log);
    }

    [Fact]
    public async Task A_verification_replayed_after_its_ttl_is_refused_as_expired_and_its_ticket_deleted()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var site = await TestSite.StartAsync(site: o => o with { TimeProvider = time });
        using var browser = new SiteBrowser();
        await SubmitAsync(browser, site, "register", ("firstName", "Grace"), ("email", NewEmail), ("password", NewPassword));
        var ticket = browser.Cookie(new Uri(site.Url, "auth/"), "wix.login.verify");
        Assert.NotNull(ticket);

        // The cookie's Max-Age is the browser's to honour; a replayed ticket must fail on the server's clock.
        time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var back = await SubmitAsync(browser, site, "verify", ("code", site.Emulator.Outbox.To(NewEmail)[^1].Code!));

        Assert.Equal("/sign-in?form=verify&error=expired", back.PathAndQuery);
        Assert.Equal(0, site.Emulator.RequestLog.Count(EmulatorEndpoint.Verify));
        Assert.Null(browser.Cookie(new Uri(site.Url, "auth/"), "wix.login.verify"));
    }

    [Fact]
    public async Task The_return_url_given_at_sign_up_survives_the_verification()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();

        await SubmitAsync(browser, site, "register", ("firstName", "Grace"), ("email", NewEmail), ("password", NewPassword), ("returnUrl", "/account"));
        var toWix = await SubmitAsync(browser, site, "verify", ("code", site.Emulator.Outbox.To(NewEmail)[^1].Code!));

        Assert.Equal("/account", (await FollowToSiteAsync(browser, site, toWix)).AbsolutePath);
    }

    [Fact]
    public async Task With_the_option_a_sign_up_with_a_members_address_is_answered_like_a_new_one_and_no_code_works()
    {
        await using var site = await TestSite.StartAsync(site: o => o with { Web = w => w.HideExistingMembersAtSignUp = true });
        using var taken = new SiteBrowser();
        using var fresh = new SiteBrowser();

        var forTaken = await SubmitAsync(taken, site, "register", ("firstName", "Ada"), ("email", DemoData.Ada.Email), ("password", NewPassword));
        var forFresh = await SubmitAsync(fresh, site, "register", ("firstName", "Grace"), ("email", NewEmail), ("password", NewPassword));
        Assert.Equal(forFresh.PathAndQuery, forTaken.PathAndQuery);

        var back = await SubmitAsync(taken, site, "verify", ("code", "123456"));
        Assert.Equal("/sign-in?form=verify&error=wrong_verification_code", back.PathAndQuery);
        Assert.Empty(site.Emulator.Outbox.To(DemoData.Ada.Email));
    }

    [Fact]
    public async Task Without_the_option_a_sign_up_with_a_members_address_says_it_is_taken()
    {
        await using var site = await TestSite.StartAsync();
        using var browser = new SiteBrowser();

        var back = await SubmitAsync(browser, site, "register", ("firstName", "Ada"), ("email", DemoData.Ada.Email), ("password", NewPassword));

        Assert.Equal("/sign-in?form=register&error=email_already_exists", back.PathAndQuery);
    }

    /// <summary>Posts a form of the sign-in page with its antiforgery token; where the site sends the browser.</summary>
    private static async Task<Uri> SubmitAsync(SiteBrowser browser, TestSite site, string form, params (string Name, string Value)[] fields)
    {
        var token = await browser.FormTokenAsync(site.Url);
        using var response = await browser.PostFormAsync(new Uri(site.Url, "auth/member/" + form), [("__RequestVerificationToken", token), .. fields]);
        return SiteBrowser.Redirected(response);
    }

    /// <summary>Follows the redirects from Wix's authorize URL through the site's callback; where the site finally sends the member.</summary>
    private static async Task<Uri> FollowToSiteAsync(SiteBrowser browser, TestSite site, Uri toWix)
    {
        Assert.Equal(site.Emulator.BaseUrl.Authority, toWix.Authority);
        using var atWix = await browser.GetAsync(toWix);
        var callback = SiteBrowser.Redirected(atWix);
        Assert.Equal(site.Url.Authority, callback.Authority);
        using var done = await browser.GetAsync(callback);
        return SiteBrowser.Redirected(done);
    }

    /// <summary>The member ID the emulator gave <paramref name="email"/>, read through its admin API.</summary>
    private static async Task<string> EmulatorMemberIdAsync(TestSite site, string email)
    {
        using var http = new HttpClient();
        var members = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(new Uri(site.Emulator.BaseUrl, "_emulator/members")))!.AsArray();
        return members.Single(m => m!["email"]!.GetValue<string>() == email)!["id"]!.GetValue<string>();
    }

    private static string? MemberId(string html) => MemberIdPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("<code id=\"member-id\">([^<]*)</code>")]
    private static partial Regex MemberIdPattern();
}
