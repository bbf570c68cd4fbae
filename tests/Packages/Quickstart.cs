using System.Text.RegularExpressions;

namespace Wix.Auth.Tests.Packages;

/// <summary>
/// The README's Quickstart as a program: read from README.md at test time (so the test follows the README), with
/// only the substitutions a reader makes — their client ID, their site, Wix's address — pointed at the emulator.
/// </summary>
internal static partial class Quickstart
{
    /// <summary>The first <c>```csharp</c> block under <c>## Quickstart</c>.</summary>
    public static string Extract(string readme)
    {
        var match = Block().Match(readme);
        Assert.True(match.Success, "README.md has no ```csharp block under '## Quickstart'.");
        return match.Groups["code"].Value;
    }

    /// <summary>The Quickstart against the emulator whose address the consumer reads from <c>Member.Emulator</c>.</summary>
    public static string ForEmulator(string code)
    {
        code = Required(code, "\"<your Headless client ID>\"", "\"demo-client-id\"");
        code = Required(code, "new WixAuthOptions {", "new WixAuthOptions { ApiBaseUrl = Member.Emulator,");
        // The emulator's demo app accepts 127.0.0.1 redirect URIs and logout pages.
        code = code.Replace("https://shop.example", "http://127.0.0.1").Replace("\"https://www.wixapis.com\"", "Member.Emulator.ToString()");
        // Where Wix sends the browser back is the reader's callback handler; here the member logs in on the emulator's page.
        if (!code.Contains("callbackUrl =") && code.Contains("callbackUrl"))
        {
            var lines = code.Split('\n').ToList();
            Assert.Contains(lines, l => l.Contains("var authUrl"));
            lines.Insert(lines.FindIndex(l => l.Contains("callbackUrl")), "var callbackUrl = await Member.SignInAsync(authUrl);");
            code = string.Join('\n', lines);
        }
        return code;
    }

    private static string Required(string code, string text, string replacement)
    {
        Assert.True(code.Contains(text), $"The Quickstart no longer contains {text}: update tests/Packages/Quickstart.cs.");
        return code.Replace(text, replacement);
    }

    [GeneratedRegex(@"^## Quickstart\s*$.*?^```csharp\s*$\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();
}
