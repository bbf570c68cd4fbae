namespace Wix.Auth.Emulator;

/// <summary>How much the emulator holds at one moment: lets a test check that a bad request changed nothing.</summary>
/// <param name="AccessTokens">Access tokens issued and not yet seen expired.</param>
/// <param name="RefreshTokens">Refresh tokens that can still be used.</param>
/// <param name="PendingCodes">Authorization codes not yet exchanged.</param>
/// <param name="RedirectSessions">Redirect Sessions not yet completed.</param>
/// <param name="BrowserSessions">Logged-in browser sessions (cookies).</param>
public sealed record EmulatorStateSnapshot(
    int AccessTokens, int RefreshTokens, int PendingCodes, int RedirectSessions, int BrowserSessions);
