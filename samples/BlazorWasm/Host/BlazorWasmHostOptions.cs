using Wix.Auth.Core.Protocol;
using Wix.Auth.Emulator;

namespace Wix.Auth.Samples.BlazorWasm.Host;

/// <summary>What the tests set on the demo host; the command line sets the same through configuration.</summary>
public sealed record BlazorWasmHostOptions
{
    /// <summary>Where to listen; default <c>--urls</c>, else <c>http://127.0.0.1:5001</c>.</summary>
    public string? Url { get; init; }

    /// <summary>The emulator's options; default the demo app (with this app's callback) and members.</summary>
    public EmulatorOptions? Emulator { get; init; }

    /// <summary>How Wix returns to the app; default <c>Wix:ResponseMode</c>, else the fragment.</summary>
    public ResponseMode? ResponseMode { get; init; }

    /// <summary>Where the client keeps the session, <c>Session</c> or <c>Local</c>; default <c>Wix:TokenStorage</c>, else the client's (<c>Session</c>).</summary>
    public string? TokenStorage { get; init; }

    /// <summary>
    /// The <c>wwwroot</c> of a published client to serve (<c>dotnet publish samples/BlazorWasm/Client</c>: trimmed, as it
    /// ships); default <c>ClientApp</c>, else the client of this build.
    /// </summary>
    public string? ClientApp { get; init; }

    /// <summary>The browser client's refresh margin, in seconds; default its own (60 s).</summary>
    public double? RefreshMarginSeconds { get; init; }

    /// <summary>How long the site's form waits for the hidden frame's answer, in seconds; default the client's (120 s).</summary>
    public double? DirectLoginTimeoutSeconds { get; init; }
}
