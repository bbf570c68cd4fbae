using Wix.Auth.Core.Errors;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth;

/// <summary>
/// How a login's callback ended (<see cref="WixAuthClient.CompleteCallbackAsync"/>): the member's tokens or why not, and
/// where the member goes next.
/// </summary>
/// <param name="Tokens">The member's tokens, now the session's; or the error, with its stable code.</param>
/// <param name="ReturnTo">
/// The login's original URI as the core checked it (and made Location-safe) when the login began: where the member goes
/// once logged in, or after a login that ended once its pending login was found (a silent login that ends quietly goes
/// back there). Null when the login named none, or the callback was refused before its login was found: the host's
/// default page.
/// </param>
public sealed record LoginCompletion(AuthResult<TokenPair, AuthError> Tokens, string? ReturnTo);
