using Wix.Auth.Core.Protocol;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Effects.Client;

/// <summary>A member logged in: their tokens (now the session's) and who they are.</summary>
/// <param name="Tokens">The member's tokens.</param>
/// <param name="Member">The member's ID, and what else Wix said of them.</param>
public sealed record MemberLogin(TokenPair Tokens, MemberIdentity Member);
