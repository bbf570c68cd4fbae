using Wix.Auth.Benchmarks;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Parsing;
using Xunit;

namespace Wix.Auth.Bench.Smoke;

/// <summary>
/// Every benchmark method once, checked for a sane answer, so the suites never rot. The timed runs are not part of
/// the test command (slow, and noisy on shared machines): see BENCHMARKS.md.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public void GenerateOAuthData_benchmarks_make_valid_login_data()
    {
        var pkce = new PkceBenchmarks();
        foreach (var data in new[] { pkce.GenerateOAuthData(), pkce.GenerateOAuthDataWithRandom() })
        {
            Assert.Equal(43, data.State.Length);
            Assert.Equal(Core.OAuth.Pkce.CodeChallenge(data.CodeVerifier.Reveal()), data.CodeChallenge);
        }
    }

    [Fact]
    public void The_floor_of_GenerateOAuthData_makes_the_three_strings_of_a_login()
    {
        var pkce = new PkceBenchmarks();
        Assert.Equal(64 + 43 + 43, pkce.Floor());
        Assert.Equal(64 + 43 + 43, pkce.FloorEncodings());
        var buffered = pkce.GenerateOAuthDataWithBufferedRandom();
        Assert.Equal(Core.OAuth.Pkce.CodeChallenge(buffered.CodeVerifier.Reveal()), buffered.CodeChallenge);
        Assert.NotEqual(buffered.State, pkce.GenerateOAuthDataWithBufferedRandom().State);
    }

    [Fact]
    public void The_buffered_random_source_never_hands_out_the_same_bytes_twice()
    {
        var pkce = new PkceBenchmarks();
        var seen = new HashSet<string>();
        for (var i = 0; i < 200; i++) // 16,000 bytes: past three refills of the 4 KiB buffer
        {
            var data = pkce.GenerateOAuthDataWithBufferedRandom();
            Assert.True(seen.Add(data.State) && seen.Add(data.CodeVerifier.Reveal()), $"login {i} repeated earlier bytes");
        }
    }

    [Fact]
    public void ParseFromUrl_benchmarks_read_codes_and_errors()
    {
        var parse = new ParseBenchmarks();
        Assert.IsType<CallbackParams.Granted>(parse.FragmentSuccess());
        Assert.IsType<CallbackParams.Granted>(parse.QuerySuccess());
        Assert.Equal("access_denied", Assert.IsType<CallbackParams.Denied>(parse.FragmentError()).Error);
        Assert.Equal("The member cancelled the login.", Assert.IsType<CallbackParams.Denied>(parse.QueryError()).ErrorDescription);
    }

    [Fact]
    public void The_pure_flow_benchmark_ends_logged_out() =>
        Assert.IsType<LoginState.LoggedOut>(new FlowBenchmarks().WholeLoginAndLogout());

    [Fact]
    public async Task Handler_benchmarks_send_with_the_member_token_and_reach_the_emulator()
    {
        var handler = new HandlerBenchmarks();
        await handler.SetUp();
        try
        {
            using var bare = await handler.TerminalOnly();
            using var withToken = await handler.WithHandler();
            Assert.Equal(System.Net.HttpStatusCode.OK, withToken.StatusCode);
            Assert.Equal(200, await handler.LoopbackCall());
        }
        finally
        {
            await handler.CleanUp();
        }
    }
}
