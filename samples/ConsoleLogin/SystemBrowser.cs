using System.Diagnostics;

namespace Wix.Auth.Samples.ConsoleLogin;

/// <summary>Opens URLs somewhere a member can act on them.</summary>
public interface IBrowser
{
    /// <summary>Opens <paramref name="url"/>; false when that could not be done (the caller then prints it).</summary>
    bool TryOpen(string url);
}

/// <summary>The system browser: <c>xdg-open</c> on Linux, <c>open</c> on macOS, the shell on Windows.</summary>
public sealed class SystemBrowser : IBrowser
{
    /// <inheritdoc />
    public bool TryOpen(string url)
    {
        try
        {
            // The URL goes as one argument, never through a shell command line, so it cannot inject commands.
            var start = OperatingSystem.IsWindows() ? new ProcessStartInfo(url) { UseShellExecute = true }
                : new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open") { ArgumentList = { url }, UseShellExecute = false };
            using var process = Process.Start(start);
            return process is not null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }
}

/// <summary>No browser: every URL is printed for the member to open.</summary>
public sealed class NoBrowser : IBrowser
{
    /// <inheritdoc />
    public bool TryOpen(string url) => false;
}
