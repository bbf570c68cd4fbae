using System.Text.RegularExpressions;
using Wix.Auth.Emulator;
using Wix.Auth.Emulator.Testing;
using Wix.Auth.Tests.Shared.Docs;

namespace Wix.Auth.Effects.Tests.Flows;

/// <summary>
/// The README's quickstart, the text itself: extracted from README.md, compiled as a new console project would compile
/// it, and run against the emulator — the test plays the member, who opens the printed URL and pastes back the one the
/// browser returned to.
/// </summary>
[Collection(nameof(ConsoleUsers))]
public sealed partial class QuickstartTests
{
    [Fact]
    public async Task The_readme_quickstart_logs_a_member_in_calls_wix_and_logs_out()
    {
        await using var emulator = await WixEmulator.StartAsync();
        using var browser = new EmulatorBrowser();
        var quickstart = MarkdownCode.Blocks("README.md")[0];
        var (program, problems) = MarkdownCode.Compile(quickstart);
        Assert.True(program?.EntryPoint is not null, string.Join('\n', problems));

        var output = new LineWriter();
        var input = new PastedLine();
        var (stdout, stdin) = (Console.Out, Console.In);
        Environment.SetEnvironmentVariable("WIX_CLIENT_ID", DemoData.ClientId);
        Environment.SetEnvironmentVariable("WIX_API_BASE_URL", emulator.BaseUrl.ToString());
        Console.SetOut(output);
        Console.SetIn(input);
        try
        {
            var run = Task.Run(() => (int)program.EntryPoint.Invoke(null, [new string[0]])!);
            var authUrl = LoginUrl().Match(await output.WaitForAsync("Log in at ")).Groups[1].Value;
            var callback = await browser.SignInAsync(authUrl, DemoData.Ada.Email, DemoData.Ada.Password);
            input.Paste(callback.ToString());
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetIn(stdin);
            Environment.SetEnvironmentVariable("WIX_CLIENT_ID", null);
            Environment.SetEnvironmentVariable("WIX_API_BASE_URL", null);
        }

        var printed = output.ToString();
        Assert.Contains($"Logged in as member {DemoData.Ada.Id}; the access token expires at", printed);
        Assert.Contains("Ada", printed);                                           // Wix's members API answered as Ada
        Assert.Contains($"Logged out; end the Wix session at {emulator.BaseUrl}", printed);
        Assert.Equal(1, emulator.RequestLog.Count(EmulatorEndpoint.Token, "authorization_code"));
    }

    [GeneratedRegex(@"Log in at (\S+)")]
    private static partial Regex LoginUrl();

    /// <summary>Console output, with a wait for the line that starts with a given text.</summary>
    private sealed class LineWriter : StringWriter
    {
        private readonly SemaphoreSlim written = new(0);

        public override void WriteLine(string? value)
        {
            lock (this) base.WriteLine(value);
            written.Release();
        }

        public async Task<string> WaitForAsync(string prefix)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (true)
            {
                string[] lines;
                lock (this) lines = ToString().Split(Environment.NewLine);
                if (lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line) return line;
                await written.WaitAsync(timeout.Token);
            }
        }

        public override string ToString()
        {
            lock (this) return base.ToString();
        }
    }

    /// <summary>Console input: ReadLine waits until the test pastes a line.</summary>
    private sealed class PastedLine : TextReader
    {
        private readonly TaskCompletionSource<string> line = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Paste(string text) => line.SetResult(text);

        public override string? ReadLine() => line.Task.WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
    }
}

/// <summary>Tests that take over the process's console and environment run alone.</summary>
[CollectionDefinition(nameof(ConsoleUsers), DisableParallelization = true)]
public sealed class ConsoleUsers;
