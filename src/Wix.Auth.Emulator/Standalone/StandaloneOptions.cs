using System.Globalization;

namespace Wix.Auth.Emulator;

/// <summary>
/// The standalone program's switches, beside ASP.NET's own <c>--urls</c>:
/// <c>--access-token-lifetime SECONDS</c>, <c>--code-lifetime SECONDS</c>, <c>--rotate-refresh-tokens true</c>.
/// </summary>
internal static class StandaloneOptions
{
    public const string Usage = """
        Usage: wix-emulator [options]
          A local Wix Headless member-login emulator: Wix's endpoints at Wix's paths, on loopback.
          Demo client demo-client-id; members ada@example.com / lovelace and alan@example.com / turing.
        Options:
          --urls <url>                      where to listen (default http://127.0.0.1:5099; port 0 picks a free one)
          --access-token-lifetime <seconds> how long access tokens live (default 14400)
          --code-lifetime <seconds>         how long authorization codes live (default 600)
          --rotate-refresh-tokens <bool>    true: each refresh returns a new refresh token (default false)
          --help                            print this text
        At start it prints its address; the mails it sends (sign-up and reset codes) are at <address>/_emulator/outbox.
        """;

    public static EmulatorOptions From(string[] args)
    {
        var settings = new ConfigurationBuilder().AddCommandLine(args).Build();
        var options = new EmulatorOptions { MinimumLogLevel = LogLevel.Information };
        if (Seconds(settings, "access-token-lifetime") is { } access) options = options with { AccessTokenLifetime = access };
        if (Seconds(settings, "code-lifetime") is { } code) options = options with { CodeLifetime = code };
        if (settings["rotate-refresh-tokens"] is { } rotate)
            options = options with
            {
                RotateRefreshTokens = bool.TryParse(rotate, out var on)
                    ? on
                    : throw new ArgumentException("--rotate-refresh-tokens takes true or false."),
            };
        return options;
    }

    private static TimeSpan? Seconds(IConfiguration settings, string key) => settings[key] switch
    {
        null => null,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            => TimeSpan.FromSeconds(seconds),
        _ => throw new ArgumentException($"--{key} takes a whole number of seconds above zero."),
    };
}
