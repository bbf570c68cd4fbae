namespace Wix.Auth.Emulator;

/// <summary>The demo OAuth app and members an emulator has unless told otherwise.</summary>
public static class DemoData
{
    /// <summary>The demo app's client ID.</summary>
    public const string ClientId = "demo-client-id";

    /// <summary>The demo site ID reported by token info.</summary>
    public const string SiteId = "6f1f7a3e-0000-4000-8000-00000000e3a1";

    /// <summary>Ada Lovelace: <c>ada@example.com</c> / <c>lovelace</c>.</summary>
    public static readonly DemoMember Ada = new(
        "ada@example.com", "lovelace", "a11ce000-0000-4000-8000-000000000001", "Ada", "Lovelace", "Ada Lovelace");

    /// <summary>Alan Turing: <c>alan@example.com</c> / <c>turing</c>.</summary>
    public static readonly DemoMember Alan = new(
        "alan@example.com", "turing", "a11ce000-0000-4000-8000-000000000002", "Alan", "Turing", "Alan Turing");

    /// <summary>
    /// The demo app: the sample web apps' callbacks, and any loopback port so a console app with a loopback
    /// listener (<c>http://127.0.0.1:{port}/callback</c>) can log in.
    /// </summary>
    public static readonly OAuthApp App = new(
        ClientId,
        [
            "http://localhost:5000/auth/callback",
            "http://127.0.0.1:5000/auth/callback",
            "http://localhost:3000/callback",
            "http://127.0.0.1/callback",
            "http://127.0.0.1/",
            "http://[::1]/callback",
        ],
        ["localhost", "127.0.0.1"],
        AllowLoopbackRedirectOnAnyPort: true);

    /// <summary>Both demo members.</summary>
    public static readonly IReadOnlyList<DemoMember> Members = [Ada, Alan];
}
