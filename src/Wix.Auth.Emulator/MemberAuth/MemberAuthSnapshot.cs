namespace Wix.Auth.Emulator;

/// <summary>How much the member-auth side holds at one moment: a refused request must change none of it.</summary>
/// <param name="Members">Members, configured and registered.</param>
/// <param name="SessionTokens">Session tokens not yet redeemed.</param>
/// <param name="StateTokens">Verifications waiting for their code.</param>
/// <param name="RecoveryTokens">Password-reset links not yet used.</param>
/// <param name="Mails">Mails in the outbox.</param>
public sealed record MemberAuthSnapshot(int Members, int SessionTokens, int StateTokens, int RecoveryTokens, int Mails);
