using System.Text.Json.Serialization;

namespace Wix.Auth.Effects.Http;

// The JSON bodies of docs/protocol.md, property order as @wix/sdk sends them. Plain DTOs because
// System.Text.Json cannot serialize LanguageExt types; the core's WixRequest maps onto these one to one.

internal sealed record AnonymousGrantDto(string ClientId, string GrantType);

internal sealed record AuthorizationCodeGrantDto(string ClientId, string GrantType, string RedirectUri, string Code, string CodeVerifier);

internal sealed record RefreshTokenGrantDto(string ClientId, string RefreshToken, string GrantType);

internal sealed record LoginSessionDto(LoginSessionAuthDto Auth);

internal sealed record LoginSessionAuthDto(AuthRequestDto AuthRequest, string Prompt);

internal sealed record AuthRequestDto(
    string RedirectUri, string ClientId, string CodeChallenge, string CodeChallengeMethod,
    string ResponseMode, string ResponseType, string Scope, string State, string? SessionToken, string? Idp);

internal sealed record LogoutSessionDto(ClientIdDto Logout, CallbacksDto Callbacks);

internal sealed record ClientIdDto(string ClientId);

internal sealed record CallbacksDto(string PostFlowUrl);

internal sealed record TokenResponseDto(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("expires_in")] long? ExpiresIn,
    [property: JsonPropertyName("token_type")] string? TokenType);

internal sealed record OAuthErrorDto(
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);

internal sealed record RedirectSessionResponseDto(RedirectSessionDto? RedirectSession);

internal sealed record RedirectSessionDto(string? Id, string? FullUrl);

internal sealed record WixErrorDto(string? Message, WixErrorDetailsDto? Details);

internal sealed record WixErrorDetailsDto(ApplicationErrorDto? ApplicationError, ValidationErrorDto? ValidationError);

internal sealed record ApplicationErrorDto(string? Code, string? Description);

internal sealed record ValidationErrorDto(IReadOnlyList<FieldViolationDto>? FieldViolations);

internal sealed record FieldViolationDto(string? Field, string? Description);
