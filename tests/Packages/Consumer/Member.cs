using LanguageExt;
using Wix.Auth.Emulator.Testing;

/// <summary>
/// What the Quickstart leaves to its reader: the member, who logs in on Wix's page (here the emulator's, through the
/// Wix.Auth.Emulator package) and comes back to the redirect URI.
/// </summary>
internal static class Member
{
    /// <summary>The emulator the package test started from the packed wix-emulator tool.</summary>
    public static Uri Emulator { get; } = new(Environment.GetEnvironmentVariable("WIX_EMULATOR_URL")
        ?? throw new InvalidOperationException("WIX_EMULATOR_URL is not set."));

    /// <summary>Logs Ada in on the login page at <paramref name="authUrl"/>; the URL Wix sends her browser back to.</summary>
    public static Task<string> SignInAsync<TError>(Either<TError, string> authUrl) =>
        SignInAsync(authUrl.Match(url => url, error => throw new InvalidOperationException($"No login URL: {error}")));

    /// <inheritdoc cref="SignInAsync{TError}(Either{TError, string})"/>
    public static async Task<string> SignInAsync(string authUrl)
    {
        using var browser = new EmulatorBrowser();
        return (await browser.SignInAsync(authUrl, "ada@example.com", "lovelace")).ToString();
    }
}
