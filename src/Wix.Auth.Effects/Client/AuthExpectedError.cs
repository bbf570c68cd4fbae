using LanguageExt.Common;
using Wix.Auth.Core.Errors;

namespace Wix.Auth.Effects.Client;

/// <summary>An <see cref="AuthError"/> as LanguageExt's <see cref="Expected"/> error, for <see cref="AuthResult{T}.ToFin"/>.</summary>
/// <param name="AuthError">The typed error, with its stable code.</param>
public sealed record AuthExpectedError(AuthError AuthError) : Expected($"{AuthError.Code}: {AuthError.Message}", 0, default);
