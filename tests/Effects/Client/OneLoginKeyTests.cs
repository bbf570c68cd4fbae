using Microsoft.Extensions.Options;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Effects.Tests.Support;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.Client;

/// <summary>
/// Logins that have no session yet (<see cref="WixAuthClientFactory.CreateForOneLogin"/>) each have a key of their own
/// (issue 24, item 1): unrelated members' logins never take turns in the shared coordinator, as they did when every such
/// client was the session <c>default</c>.
/// </summary>
public sealed class OneLoginKeyTests
{
    [Fact]
    public async Task Two_hundred_concurrent_logins_of_different_members_never_wait_on_each_other()
    {
        await using var h = await StartAsync();
        var factory = new WixAuthClientFactory(Options.Create(h.Options), h.Api, h.Pending, h.Tokens, h.Time, new CryptographicEntropy(), h.Refreshes, h.LoggerFactory);

        var logins = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            var client = factory.CreateForOneLogin();
            return await client.GetAuthUrlAsync(client.GenerateOAuthData(RedirectUri));
        }));

        Assert.All(logins, login => Assert.True(login.IsSuccess));
        Assert.Equal(0, h.Refreshes.Waits);
        Assert.Equal(200, logins.Select(l => l.Value).Distinct().Count());
    }

    [Fact]
    public async Task Runs_of_one_session_still_take_turns_and_are_counted()
    {
        await using var h = await StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => h.Client.GenerateVisitorTokensAsync()));

        Assert.True(h.Refreshes.Waits > 0, "20 concurrent runs of one session never waited");
    }
}
