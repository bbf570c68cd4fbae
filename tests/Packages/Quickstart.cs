using System.Text.RegularExpressions;

namespace Wix.Auth.Tests.Packages;

/// <summary>
/// The README's Quickstart as a program: read from README.md at test time (so the test follows the README), with
/// only the member's part — logging in in a browser — played by the test.
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

    /// <summary>
    /// The Quickstart against the emulator: the client ID and Wix's address come from the environment
    /// (<c>WIX_CLIENT_ID</c>, <c>WIX_API_BASE_URL</c>, as the Quickstart reads them), and the one thing the reader does by
    /// hand — log in in the browser and paste the URL it came back to — is done by <c>Member</c> on the emulator's page.
    /// </summary>
    public static string ForEmulator(string code) =>
        Required(code, "Console.ReadLine()", "await Member.SignInAsync(authUrl.Value)");

    /// <summary>The first <c>```csharp</c> block under <c>## On an ASP.NET Core site</c>: a whole site, run as printed.</summary>
    public static string ExtractWebSite(string readme)
    {
        var match = WebBlock().Match(readme);
        Assert.True(match.Success, "README.md has no ```csharp block under '## On an ASP.NET Core site'.");
        return match.Groups["code"].Value;
    }

    /// <summary>The first <c>```csharp</c> block after the sentence that introduces <c>MemberAuthClient</c>: the site's own login form.</summary>
    public static string ExtractForms(string readme)
    {
        var match = FormsBlock().Match(readme);
        Assert.True(match.Success, "README.md has no ```csharp block after its introduction of MemberAuthClient.");
        return match.Groups["code"].Value;
    }

    private static string Required(string code, string text, string replacement)
    {
        Assert.True(code.Contains(text), $"The Quickstart no longer contains {text}: update tests/Packages/Quickstart.cs.");
        return code.Replace(text, replacement);
    }

    [GeneratedRegex(@"^## Quickstart\s*$.*?^```csharp\s*$\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"^## On an ASP\.NET Core site\s*$.*?^```csharp\s*$\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex WebBlock();

    [GeneratedRegex(@"^`MemberAuthClient` \(registered by `AddWixAuth`\).*?^```csharp\s*$\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FormsBlock();
}
