using Wix.Auth.Emulator.Testing;

/// <summary>
/// What the Quickstart leaves to its reader: the member, who logs in on Wix's page (here the emulator's, through the
/// Wix.Auth.Emulator package) and comes back to the redirect URI.
/// </summary>
internal static class Member
{
    /// <summary>Logs Ada in on the login page at <paramref name="authUrl"/>; the URL Wix sends her browser back to.</summary>
    public static async Task<string> SignInAsync(string authUrl)
    {
        using var browser = new EmulatorBrowser();
        return (await browser.SignInAsync(authUrl, "ada@example.com", "lovelace")).ToString();
    }
}
