namespace Wix.Auth;

/// <summary>
/// What <c>AddWixAuth</c> registers until the host says whose session a client serves: nothing, so that no registration
/// makes every visitor of a web site share one member's tokens. Start-up fails with <see cref="Message"/> (the options'
/// validation names it), and so does any use.
/// </summary>
internal sealed class UnchosenSessionKey : IWixSessionKeyProvider
{
    /// <summary>The fix, for each kind of host.</summary>
    public const string Message =
        "AddWixAuth needs to know whose session each client serves: call .AddAspNetCore() on a web site (a session per " +
        "browser), .AddBlazor() in a Blazor WebAssembly app, or .AddSingleUserSession() in a console, native or background app " +
        "that acts for one member.";

    /// <inheritdoc />
    public string CurrentSessionKey() => throw new InvalidOperationException(Message);
}
