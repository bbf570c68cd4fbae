using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Http;
using Wix.Auth.Effects.Tests.Support;
using Wix.Auth.Emulator;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.Flows;

/// <summary>
/// <c>GetMemberIdentityAsync</c> over loopback against the emulator: the core decides whether Wix's token info is asked —
/// never for a login with the site's own form, which named its member, once for a login on Wix's page, and again only
/// after a call that failed (the member stays logged in meanwhile).
/// </summary>
public sealed class MemberIdentityTests
{
    [Fact]
    public async Task A_login_on_wixs_page_asks_token_info_once_and_keeps_the_answer_in_the_session()
    {
        await using var h = await StartAsync();
        await h.LogInAsync(DemoData.Alan);

        var first = Right(await h.Client.GetMemberIdentityAsync());
        var again = Right(await h.NewClient().GetMemberIdentityAsync());

        Assert.Equal(DemoData.Alan.Id, first?.MemberId);
        Assert.Equal(first, again);
        Assert.Single(h.Emulator.RequestLog.For(EmulatorEndpoint.TokenInfo));
    }

    [Fact]
    public async Task A_login_with_the_sites_form_knows_its_member_without_asking_wix()
    {
        await using var h = await StartAsync();
        var forms = new MemberAuthClient(h.Client, api: new MemberAuthHttpApi(new HttpClient(), h.Options, h.LoggerFactory.CreateLogger<MemberAuthHttpApi>()), logger: h.LoggerFactory.CreateLogger<MemberAuthClient>());
        var loggedIn = Assert.IsType<MemberAuthStep.LoggedIn>((await forms.LoginAsync(DemoData.Ada.Email, DemoData.Ada.Password)).Value);
        var data = h.NewOAuthData();
        var callback = await h.Browser.FollowAsync(Right(await h.Client.GetAuthUrlAsync(data, loggedIn)));
        Right(await h.Client.CompleteLoginAsync(callback.ToString(), data, ResponseMode.Query));

        var member = Right(await h.Client.GetMemberIdentityAsync());

        Assert.Equal(DemoData.Ada.Id, member?.MemberId);
        Assert.Equal(loggedIn.Member?.MemberId, member?.MemberId);
        Assert.Empty(h.Emulator.RequestLog.For(EmulatorEndpoint.TokenInfo));
    }

    [Fact]
    public async Task When_token_info_fails_the_member_stays_logged_in_unknown_and_a_later_call_asks_again()
    {
        await using var h = await StartAsync();
        await h.LogInAsync(DemoData.Ada);
        h.Emulator.Faults.Add(FaultSpec.Status(EmulatorEndpoint.TokenInfo, 400) with { Count = 1 });

        var unknown = await h.Client.GetMemberIdentityAsync();

        Assert.True(unknown.IsSuccess);
        Assert.Null(unknown.Value);
        Assert.True(await h.Client.LoggedInAsync());
        Assert.Equal(DemoData.Ada.Id, Right(await h.Client.GetMemberIdentityAsync())?.MemberId);
        Assert.Equal(2, h.Emulator.RequestLog.For(EmulatorEndpoint.TokenInfo).Count);
    }

    [Fact]
    public async Task Without_a_member_there_is_no_identity_and_wix_is_not_asked()
    {
        await using var h = await StartAsync();

        Assert.Equal(new Core.Errors.AuthError.NotAuthenticated(), Left(await h.Client.GetMemberIdentityAsync()));
        Assert.Empty(h.Emulator.RequestLog.For(EmulatorEndpoint.TokenInfo));
    }
}
