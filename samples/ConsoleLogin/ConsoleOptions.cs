using System.Globalization;

namespace Wix.Auth.Samples.ConsoleLogin;

/// <summary>What the command line asked for.</summary>
public sealed record ConsoleOptions
{
    /// <summary>The usage text.</summary>
    public const string Usage = """
        Usage: ConsoleLogin <login|whoami|logout> [options]
          login                 log a member in: the system browser, a redirect back to 127.0.0.1, tokens saved to a file
          whoami                say who the saved tokens belong to
          logout                forget the saved tokens, and print the link that ends the Wix session
        Options:
          --help                print this text
          --no-browser          print the URL to open instead of opening the system browser
          --timeout <time>      how long login (and logout) wait for the browser: seconds, or 90s / 5m (default 5m)
          --token-file <path>   where tokens are kept (default $XDG_CONFIG_HOME/wix-auth/tokens.json)
          --client-id <id>      your Headless OAuth app's client ID; without --emulator this talks to real Wix
          --emulator [url]      use a Wix emulator: a running one at url, else one started in this process (default)
          --post-logout-url <url>  where Wix sends the browser after logout (default: a "logged out" page that logout
                                serves on 127.0.0.1 while it waits, up to --timeout, for the browser)
        """;

    /// <summary><c>login</c>, <c>whoami</c> or <c>logout</c>.</summary>
    public required string Command { get; init; }

    /// <summary>Print URLs instead of opening the browser.</summary>
    public bool NoBrowser { get; init; }

    /// <summary>How long login waits for the redirect.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The token file; null for the default path.</summary>
    public string? TokenFile { get; init; }

    /// <summary>The OAuth app's client ID; null for the emulator's demo app.</summary>
    public string? ClientId { get; init; }

    /// <summary>True to use an emulator (the default when no client ID is given).</summary>
    public bool UseEmulator { get; init; } = true;

    /// <summary>A running emulator's base URL; null to start one in this process.</summary>
    public Uri? EmulatorUrl { get; init; }

    /// <summary>Where Wix sends the browser after logout; null for the page <c>logout</c> serves itself (<see cref="LoggedOutPage"/>).</summary>
    public string? PostLogoutUrl { get; init; }

    /// <summary>Reads <paramref name="args"/>; the error message when they do not make sense.</summary>
    public static (ConsoleOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] is not ("login" or "whoami" or "logout")) return (null, "Expected a command: login, whoami or logout.");
        var options = new ConsoleOptions { Command = args[0] };
        bool emulatorFlag = false;
        for (var i = 1; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            switch (args[i])
            {
                case "--no-browser": options = options with { NoBrowser = true }; break;
                case "--timeout" when ParseTimeout(Value()) is { } timeout: options = options with { Timeout = timeout }; break;
                case "--token-file" when Value() is { } file: options = options with { TokenFile = file }; break;
                case "--client-id" when Value() is { } id: options = options with { ClientId = id }; break;
                case "--post-logout-url" when Value() is { } url: options = options with { PostLogoutUrl = url }; break;
                case "--emulator":
                    emulatorFlag = true;
                    if (Value() is not { } emulator) break;
                    if (!Uri.TryCreate(emulator, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                        return (null, $"--emulator needs an http(s) URL, not '{emulator}'.");
                    options = options with { EmulatorUrl = uri };
                    break;
                default: return (null, $"Unknown or incomplete option '{args[i]}'.");
            }
        }
        return (options with { UseEmulator = emulatorFlag || options.ClientId is null }, null);
    }

    private static TimeSpan? ParseTimeout(string? text)
    {
        if (text is null) return null;
        var (number, unit) = text.EndsWith('m') ? (text[..^1], 60) : text.EndsWith('s') ? (text[..^1], 1) : (text, 1);
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? TimeSpan.FromSeconds((double)value * unit) : null;
    }
}
