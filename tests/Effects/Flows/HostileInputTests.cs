using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Effects.Tests.Support;
using Wix.Auth.Emulator;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.Flows;

/// <summary>Forged, replayed, late and refused callbacks: each a typed error that leaves the stores as they were.</summary>
public sealed class HostileInputTests
{
    private static async Task<(Harness H, Core.OAuth.OAuthData Data, CallbackParams Callback)> AtCallbackAsync(Func<EmulatorBrowserAction, Task<Uri>>? act = null)
    {
        var h = await StartAsync();
        var data = h.NewOAuthData();
        var authUrl = Right(await h.Client.GetAuthUrlAsync(data, responseMode: ResponseMode.Query));
        var callback = act is null ? await h.Browser.SignInAsync(authUrl, DemoData.Ada.Email, DemoData.Ada.Password) : await act(new(h, authUrl));
        return (h, data, Right(h.Client.ParseFromUrl(callback.ToString(), ResponseMode.Query)));
    }

    internal sealed record EmulatorBrowserAction(Harness H, string AuthUrl);

    [Fact]
    public async Task A_forged_state_is_refused_and_the_real_login_still_completes()
    {
        var (h, data, callback) = await AtCallbackAsync();
        await using var _ = h;
        var granted = Assert.IsType<CallbackParams.Granted>(callback);

        Assert.Equal(new AuthError.StateMismatch(), Left(await h.Client.GetMemberTokensAsync(granted.Code.Reveal(), "forged-" + data.State, data)));
        Assert.True((await h.Client.GetTokensAsync()) is { } t && (t.Role == Core.Credentials.TokenRole.Visitor));
        Assert.True((await h.Pending.FindAsync(data.State, default)) is not null);

        Right(await h.Client.GetMemberTokensAsync(callback, data.State));
    }

    [Fact]
    public async Task A_replayed_callback_is_refused_and_the_members_tokens_stay()
    {
        var (h, data, callback) = await AtCallbackAsync();
        await using var _ = h;
        var member = Right(await h.Client.GetMemberTokensAsync(callback, data.State));

        Assert.Equal(new AuthError.AlreadyAuthenticated(), Left(await h.Client.GetMemberTokensAsync(callback, data.State)));
        // In a session of its own (a web host's new session), the replay finds its pending login used up.
        Assert.Equal(new AuthError.NoPendingLogin(), Left(await h.NewClient("another-session").GetMemberTokensAsync(callback, data.State)));
        Assert.Equal(Some(member), await h.Client.GetTokensAsync());
        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "authorization_code"));
    }

    [Fact]
    public async Task Two_racing_callbacks_exchange_the_code_once()
    {
        var (h, data, callback) = await AtCallbackAsync();
        await using var _ = h;
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => h.NewClient().GetMemberTokensAsync(callback, data.State)));
        Assert.Single(results, r => r.IsSuccess);
        // The session's runs take turns: the ones after the winner find a member already logged in.
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("already_authenticated", Left(r).Code));
        Assert.True(await h.Client.LoggedInAsync());
        Assert.Equal(1, h.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "authorization_code"));
    }

    [Fact]
    public async Task An_expired_pending_login_is_refused_and_nothing_is_stored()
    {
        var (h, data, callback) = await AtCallbackAsync();
        await using var _ = h;
        var before = await h.Client.GetTokensAsync();
        h.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        Assert.Equal(new AuthError.NoPendingLogin(), Left(await h.Client.GetMemberTokensAsync(callback, data.State)));
        Assert.Equal(before, await h.Client.GetTokensAsync());
        Assert.Equal(0, h.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "authorization_code"));
    }

    [Fact]
    public async Task A_pending_login_found_but_past_its_ttl_in_the_core_is_refused()
    {
        // A store may keep an entry a little longer than its TTL (clock skew between instances): the core's own check decides.
        var (h, data, callback) = await AtCallbackAsync();
        await using var _ = h;
        var pending = await h.Pending.FindAsync(data.State, default) ?? throw new Xunit.Sdk.XunitException("no pending login");
        await h.Pending.SaveAsync(pending with { CreatedAt = pending.CreatedAt.AddMinutes(-11) }, TimeSpan.FromMinutes(10), default);

        Assert.Equal(new AuthError.PendingLoginExpired(), Left(await h.Client.GetMemberTokensAsync(callback, data.State)));
        Assert.True((await h.Pending.FindAsync(data.State, default)) is null); // taken, so used up, before its age was checked
        Assert.Equal(0, h.Emulator.RequestLog.Count(EmulatorEndpoint.Token, "authorization_code"));
    }

    [Fact]
    public async Task A_cancelled_login_is_access_denied_with_wixs_description()
    {
        var (h, data, callback) = await AtCallbackAsync(a => a.H.Browser.CancelAsync(a.AuthUrl));
        await using var _ = h;
        var before = await h.Client.GetTokensAsync();

        var denied = Assert.IsType<AuthError.AuthorizationDenied>(Left(await h.Client.GetMemberTokensAsync(callback, data.State)));
        Assert.Equal("access_denied", denied.Error);
        Assert.False(string.IsNullOrEmpty(denied.Description));
        Assert.Equal(before, await h.Client.GetTokensAsync());
    }

    [Fact]
    public async Task An_original_uri_outside_the_allowed_origins_is_refused_before_any_call()
    {
        await using var h = await StartAsync(configure: o => o.AllowedRedirectOrigins.Add("http://localhost:3000"));
        var data = h.NewOAuthData(originalUri: "https://evil.example/steal");

        Assert.Equal(new AuthError.DisallowedOrigin("https://evil.example"), Left(await h.Client.GetAuthUrlAsync(data)));
        Assert.Equal(0, h.Pending.Count);
        Assert.Empty(h.Emulator.RequestLog.Entries);
    }

    [Fact]
    public async Task A_code_sent_with_another_logins_verifier_is_refused_by_wix_and_reported()
    {
        var (h, data, callback) = await AtCallbackAsync();
        await using var _ = h;
        var other = h.NewOAuthData();
        Right(await h.Client.GetAuthUrlAsync(other, responseMode: ResponseMode.Query));
        var stolen = new CallbackParams.Granted(((CallbackParams.Granted)callback).Code, other.State, null);

        var error = Assert.IsType<AuthError.RemoteCallFailed>(Left(await h.Client.GetMemberTokensAsync(stolen, other.State)));
        Assert.Equal("invalid_grant", error.Error.Code);
        Assert.Equal(Some(400), error.Error.HttpStatus);
        Assert.True(error.Error.RequestId.IsSome);
        Assert.False(await h.Client.LoggedInAsync());
    }

    [Fact]
    public async Task Bad_input_to_every_public_method_is_a_typed_error()
    {
        await using var h = await StartAsync();
        Assert.Contains("invalid_redirect_uri", Assert.Throws<ArgumentException>(() => h.Client.GenerateOAuthData("relative/path")).Message);
        Assert.Equal("invalid_url", Left(h.Client.ParseFromUrl("not a url")).Code);
        Assert.Equal("invalid_return_url", Left(await h.Client.LogoutAsync("javascript:alert(1)")).Code);
        Assert.Equal("state_mismatch", Left(await h.Client.GetMemberTokensAsync("code", "state", h.NewOAuthData())).Code);
        var data = h.NewOAuthData();
        Assert.Equal("no_pending_login", Left(await h.Client.GetMemberTokensAsync("code", data.State, data)).Code);
        Assert.Equal("not_authenticated", Left(await h.Client.RenewTokenAsync()).Code);
    }
}
