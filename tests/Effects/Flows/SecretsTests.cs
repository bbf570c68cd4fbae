using Microsoft.Extensions.Logging;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Tests.Support;
using Wix.Auth.Emulator;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.Flows;

public sealed class SecretsTests
{
    [Fact]
    public async Task A_whole_flow_logged_at_trace_shows_no_token_code_or_verifier()
    {
        await using var h = await StartAsync(e => e with { AccessTokenLifetime = TimeSpan.FromMinutes(2) });
        var secrets = new List<string>();

        var visitor = Right(await h.Client.GenerateVisitorTokensAsync());
        secrets.AddRange([visitor.AccessToken.Value.Reveal(), visitor.RefreshToken.Value.Reveal()]);
        var data = h.NewOAuthData();
        secrets.Add(data.CodeVerifier.Reveal());
        var callback = await h.Browser.SignInAsync(Right(await h.Client.GetAuthUrlAsync(data, responseMode: ResponseMode.Query)), DemoData.Ada.Email, DemoData.Ada.Password);
        var parsed = Assert.IsType<CallbackParams.Granted>(Right(h.Client.ParseFromUrl(callback.ToString(), ResponseMode.Query)));
        secrets.Add(parsed.Code.Reveal());
        var member = Right(await h.Client.GetMemberTokensAsync(parsed, data.State));
        secrets.AddRange([member.AccessToken.Value.Reveal(), member.RefreshToken.Value.Reveal()]);
        h.Time.Advance(TimeSpan.FromMinutes(1.5));
        var renewed = Right(await h.Client.RenewTokenAsync());
        secrets.Add(renewed.AccessToken.Value.Reveal());
        Right(await h.Client.LogoutAsync(PostLogoutUrl));

        var log = string.Join("\n", h.Logs.Lines);
        Assert.Contains("CodeExchanged", log);             // the flow was logged at all levels...
        Assert.Contains("/oauth2/token", log);
        Assert.All(secrets, secret =>
        {
            Assert.True(secret.Length >= 16, "a secret long enough not to appear by chance");
            Assert.DoesNotContain(secret, log);              // ...and no secret value reached it
        });
    }
}
