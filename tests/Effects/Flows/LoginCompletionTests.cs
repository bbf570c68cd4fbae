using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Tests.Support;
using Wix.Auth.Emulator;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.Flows;

/// <summary>
/// What completing a login tells the host besides the tokens: where the member goes, as the core checked it when the login
/// began (hosts redirect there and check nothing again).
/// </summary>
public sealed class LoginCompletionTests
{
    [Fact]
    public async Task A_completed_login_returns_to_its_original_uri_in_the_form_the_core_checked()
    {
        await using var h = await StartAsync();
        var data = h.NewOAuthData(originalUri: "/caf\u00e9?q=a b");

        var completion = await CompleteAsync(h, data, await h.Browser.SignInAsync(Right(await h.Client.GetAuthUrlAsync(data, responseMode: ResponseMode.Query)), DemoData.Ada.Email, DemoData.Ada.Password));

        Assert.True(completion.Tokens.IsSuccess);
        Assert.Equal("/caf%C3%A9?q=a%20b", completion.ReturnTo);
    }

    [Fact]
    public async Task A_login_that_named_no_page_gives_none_and_the_host_chooses()
    {
        await using var h = await StartAsync();
        var data = h.NewOAuthData(originalUri: null);

        var completion = await CompleteAsync(h, data, await h.Browser.SignInAsync(Right(await h.Client.GetAuthUrlAsync(data, responseMode: ResponseMode.Query)), DemoData.Ada.Email, DemoData.Ada.Password));

        Assert.True(completion.Tokens.IsSuccess);
        Assert.Null(completion.ReturnTo);
    }

    [Fact]
    public async Task A_silent_login_answered_login_required_still_says_where_the_visitor_was()
    {
        await using var h = await StartAsync();
        var data = h.NewOAuthData();

        var completion = await CompleteAsync(h, data, await h.Browser.FollowAsync(Right(await h.Client.GetAuthUrlAsync(data, Prompt.None, ResponseMode.Query))));

        Assert.Equal("login_required", Assert.IsType<AuthError.AuthorizationDenied>(completion.Tokens.Error).Error);
        Assert.Equal(OriginalUri, completion.ReturnTo);
    }

    [Fact]
    public async Task A_refused_callback_says_nothing_of_where_to_go_even_in_a_session_with_a_completed_login()
    {
        await using var h = await StartAsync();
        await h.LogInAsync();
        var data = h.NewOAuthData(originalUri: "/elsewhere");

        var completion = await h.Client.CompleteCallbackAsync(new Core.Parsing.CallbackParams.Granted(new Core.Secrets.Secret("CODE"), data.State, null), data.State);

        Assert.Equal(new AuthError.AlreadyAuthenticated(), completion.Tokens.Error);
        Assert.Null(completion.ReturnTo);
    }

    private static async Task<Wix.Auth.LoginCompletion> CompleteAsync(Harness h, Core.OAuth.OAuthData data, Uri callback) =>
        await h.Client.CompleteCallbackAsync(Right(h.Client.ParseFromUrl(callback.ToString(), ResponseMode.Query)), data.State);
}
