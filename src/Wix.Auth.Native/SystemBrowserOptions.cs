namespace Wix.Auth;

/// <summary>Where a <see cref="SystemBrowser"/> listens and how it shows the login page.</summary>
public sealed record SystemBrowserOptions
{
    /// <summary>The loopback port; 0 (the default) lets the OS pick a free one, which RFC 8252 §7.3 asks Wix to accept.</summary>
    public int Port { get; init; }

    /// <summary>The redirect URI's path. Default <c>/callback</c>.</summary>
    public string CallbackPath { get; init; } = "/callback";

    /// <summary>
    /// Shows a URL to the member; false when it could not. Default <see cref="SystemBrowser.OpenWithOperatingSystem"/>;
    /// replace it to print the URL instead (a terminal over SSH), or to drive the login in a test.
    /// </summary>
    public Func<string, bool> Open { get; init; } = SystemBrowser.OpenWithOperatingSystem;
}
