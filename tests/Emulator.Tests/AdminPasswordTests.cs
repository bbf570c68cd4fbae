using System.Text.Json;
using Wix.Auth.Emulator.Tests.Support;

namespace Wix.Auth.Emulator.Tests;

/// <summary>No answer of the admin API shows a member's password (issue 26, item 5).</summary>
public sealed class AdminPasswordTests
{
    [Fact]
    public async Task No_admin_answer_shows_a_members_password()
    {
        await using var emu = await WixEmulator.StartAsync();
        using var client = new TestClient(emu);
        await client.MemberTokensAsync();

        foreach (var path in new[] { "/_emulator", "/_emulator/members", "/_emulator/requests", "/_emulator/state", "/_emulator/outbox",
                     "/_emulator/counters", "/_emulator/faults", "/_emulator/member-auth" })
        {
            var text = await client.Http.GetStringAsync(path);
            Assert.DoesNotContain("lovelace", text);
            Assert.DoesNotContain("turing", text);
        }
        var config = JsonDocument.Parse(await client.Http.GetStringAsync("/_emulator")).RootElement;
        Assert.Equal("ada@example.com", config.GetProperty("members")[0].GetProperty("email").GetString());
    }

    [Fact]
    public async Task The_login_page_lists_a_configured_member_by_email_and_shows_only_the_published_demo_passwords()
    {
        await using var emu = await WixEmulator.StartAsync(new EmulatorOptions
        {
            Members = [DemoData.Ada, new DemoMember("grace@example.com", "Configured-pass-1", "m-3", "Grace", "Hopper", "Grace")],
        });
        using var client = new TestClient(emu);

        using var page = await client.GetAsync(await client.CreateLoginSessionAsync(new LoginRequest()));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Contains("grace@example.com", html);
        Assert.DoesNotContain("Configured-pass-1", html);
        Assert.Contains("ada@example.com / lovelace", html);
    }
}
