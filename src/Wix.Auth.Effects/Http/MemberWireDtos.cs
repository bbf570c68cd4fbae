using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wix.Auth.Effects.Http;

// The JSON bodies of member authentication (docs/protocol-member-auth.md), property order as @wix/sdk sends them;
// null members are left out, as JSON.stringify drops undefined ones. The core's MemberAuthRequest maps onto these.

internal sealed record LoginIdDto(string Email);

internal sealed record CaptchaDto(
    [property: JsonPropertyName("Recaptcha")] string? Recaptcha,
    [property: JsonPropertyName("InvisibleRecaptcha")] string? InvisibleRecaptcha);

internal sealed record LoginV2Dto(LoginIdDto LoginId, string Password, IReadOnlyList<CaptchaDto>? CaptchaTokens);

internal sealed record RegisterV2Dto(LoginIdDto LoginId, string Password, ProfileDto? Profile, IReadOnlyList<CaptchaDto>? CaptchaTokens);

internal sealed record ProfileDto(
    string? FirstName, string? LastName, string? Nickname, string? Picture, string? Language, string? PrivacyStatus,
    IReadOnlyList<string>? Labels, IReadOnlyList<PhoneDto>? PhonesV2, IReadOnlyList<TaggedEmailDto>? SecondaryEmails,
    IReadOnlyList<TaggedAddressDto>? Addresses, IReadOnlyList<CustomFieldDto>? CustomFields);

internal sealed record PhoneDto(string Phone, string Tag);

internal sealed record TaggedEmailDto(string Email, string Tag);

internal sealed record TaggedAddressDto(string Tag, AddressDto Address);

internal sealed record AddressDto(
    string? City, string? Subdivision, string? Country, string? PostalCode, string? FormattedAddress,
    string? AddressLine, string? AddressLine2);

internal sealed record CustomFieldDto(string Name, CustomValueDto Value);

internal sealed record CustomValueDto(string? StrValue, double? NumValue, string? DateValue);

internal sealed record VerifyDto(string Code, string StateToken);

internal sealed record SendRecoveryEmailDto(string Email, RecoveryRedirectDto Redirect);

internal sealed record RecoveryRedirectDto(string Url, string ClientId);

internal sealed record RecoverDto(string RecoveryToken, string Password);

internal sealed record SignOnDto(LoginIdDto LoginId, ProfileDto? Profile, bool? VerifyEmail, bool? MergeExistingContact);

internal sealed record ExternalLoginDto(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("member_id")] string MemberId);

internal sealed record ExternalLoginWithSessionDto(
    [property: JsonPropertyName("grant_type")] string GrantType,
    [property: JsonPropertyName("member_id")] string MemberId,
    [property: JsonPropertyName("session_token")] string SessionToken);

// Answers.

internal sealed record LoginStateDto(string? State, string? SessionToken, string? StateToken, IdentityDto? Identity);

internal sealed record SignOnResponseDto(string? SessionToken, IdentityDto? Identity);

internal sealed record IdentityDto(string? Id, string? ContactId, IdentityEmailDto? Email);

internal sealed record IdentityEmailDto(string? Address, bool? IsVerified);

internal sealed record IamErrorDto(string? Message, IamErrorDetailsDto? Details);

internal sealed record IamErrorDetailsDto(IamApplicationErrorDto? ApplicationError, IamValidationErrorDto? ValidationError);

/// <summary><c>code</c> is a string on Wix's answers and a number in the SDK's own fallback: read either.</summary>
internal sealed record IamApplicationErrorDto(JsonElement? Code, string? Description);

internal sealed record IamValidationErrorDto(IReadOnlyList<IamFieldViolationDto>? FieldViolations);

internal sealed record IamFieldViolationDto(string? Field, string? Description, string? ViolatedRule, IamViolationDataDto? Data);

internal sealed record IamViolationDataDto(string? Type);

internal sealed record TokenInfoDto(string Token);

internal sealed record TokenInfoResponseDto(bool? Active, string? SubjectType, string? SubjectId);
