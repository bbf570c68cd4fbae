using System.Globalization;
using System.Text.Json;
using LanguageExt;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Effects.Http;

/// <summary>Serializes a core member-auth request to the exact JSON body and headers <c>@wix/sdk</c> sends.</summary>
public static class MemberWireBody
{
    /// <summary>The UTF-8 JSON body of <paramref name="request"/>.</summary>
    public static byte[] Serialize(MemberAuthRequest request)
    {
        var json = MemberWireJsonContext.Default;
        return request switch
        {
            MemberAuthRequest.Login r => JsonSerializer.SerializeToUtf8Bytes(
                new LoginV2Dto(new(r.Email), r.Password.Reveal(), Captcha(r.Captcha)), json.LoginV2Dto),
            MemberAuthRequest.Register r => JsonSerializer.SerializeToUtf8Bytes(
                new RegisterV2Dto(new(r.Email), r.Password.Reveal(), Profile(r.Profile), Captcha(r.Captcha)), json.RegisterV2Dto),
            MemberAuthRequest.Verify r => JsonSerializer.SerializeToUtf8Bytes(
                new VerifyDto(r.Code.Reveal(), r.StateToken.Reveal()), json.VerifyDto),
            MemberAuthRequest.SendRecoveryEmail r => JsonSerializer.SerializeToUtf8Bytes(
                new SendRecoveryEmailDto(r.Email, new(r.RedirectUrl, r.ClientId)), json.SendRecoveryEmailDto),
            MemberAuthRequest.Recover r => JsonSerializer.SerializeToUtf8Bytes(
                new RecoverDto(r.RecoveryToken.Reveal(), r.Password.Reveal()), json.RecoverDto),
            MemberAuthRequest.SignOn r => JsonSerializer.SerializeToUtf8Bytes(
                new SignOnDto(new(r.Email), Profile(r.Profile), Nullable(r.VerifyEmail), Nullable(r.MergeExistingContact)), json.SignOnDto),
            MemberAuthRequest.ExternalLogin r => JsonSerializer.SerializeToUtf8Bytes(
                new ExternalLoginDto(r.GrantType, r.Scope, r.MemberId), json.ExternalLoginDto),
            MemberAuthRequest.ExternalLoginWithSession r => JsonSerializer.SerializeToUtf8Bytes(
                new ExternalLoginWithSessionDto(r.GrantType, r.MemberId, r.SessionToken.Reveal()), json.ExternalLoginWithSessionDto),
            MemberAuthRequest.TokenInfo r => JsonSerializer.SerializeToUtf8Bytes(new TokenInfoDto(r.Token.Reveal()), json.TokenInfoDto),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.GetType().Name, "Unknown request."),
        };
    }

    /// <summary>The <c>Authorization</c> value, if the request carries one: revealed here, to be put on the wire only.</summary>
    public static string? AuthorizationHeader(MemberAuthRequest request) =>
        request.Authorization.HeaderValue.Map(secret => secret.Reveal()).IfNoneUnsafe((string?)null);

    /// <summary>The SDK's analytics header for the request's method, naming this library instead of the SDK.</summary>
    public static string GatewayHeader(MemberAuthRequest request) => request switch
    {
        MemberAuthRequest.Login => Gateway.Login,
        MemberAuthRequest.Register => Gateway.Register,
        MemberAuthRequest.SignOn => Gateway.SignOn,
        MemberAuthRequest.Verify => Gateway.Verify,
        MemberAuthRequest.SendRecoveryEmail => Gateway.SendRecoveryEmail,
        MemberAuthRequest.Recover => Gateway.Recover,
        MemberAuthRequest.TokenInfo => Gateway.TokenInfo,
        _ => Gateway.Token,
    };

    // Each request's header, written once.
    private static class Gateway
    {
        public const string Login = Prefix + "wix.iam.authentication.v1.AuthenticationService.LoginV2,entity=wix.iam.authentication.v1.authentication";
        public const string Register = Prefix + "wix.iam.authentication.v1.AuthenticationService.RegisterV2,entity=wix.iam.authentication.v1.authentication";
        public const string SignOn = Prefix + "wix.iam.authentication.v1.AuthenticationService.SignOn,entity=wix.iam.authentication.v1.authentication";
        public const string Verify = Prefix + "wix.iam.verification.v1.VerificationService.VerifyDuringAuthentication,entity=wix.iam.verification.v1.start_response";
        public const string SendRecoveryEmail = Prefix + "wix.iam.recovery.v1.RecoveryService.SendRecoveryEmail,entity=wix.iam.recovery.v1.recovery";
        public const string Recover = Prefix + "wix.iam.recovery.v1.RecoveryService.Recover,entity=wix.iam.recovery.v1.recovery";
        public const string TokenInfo = Prefix + "wix.identity.oauth2.v1.Oauth2Ng.TokenInfo,entity=wix.identity.oauth.v1.token_info";
        public const string Token = Prefix + "wix.identity.oauth2.v1.Oauth2Ng.Token,entity=wix.identity.oauth.v1.refresh_token";
        private const string Prefix = "environment=dotnet-sdk,package-name=Wix.Auth,method-fqn=";
    }

    /// <summary>One element holding the tokens given, as the SDK sends it; none when the caller gave none.</summary>
    private static IReadOnlyList<CaptchaDto>? Captcha(Option<CaptchaTokens> tokens) =>
        tokens.Map(t => (IReadOnlyList<CaptchaDto>)[new CaptchaDto(t.Recaptcha?.Reveal(), t.InvisibleRecaptcha?.Reveal())])
            .IfNoneUnsafe((IReadOnlyList<CaptchaDto>?)null);

    private static ProfileDto? Profile(Option<MemberProfile> profile) => profile.Map(p => new ProfileDto(
        p.FirstName, p.LastName, p.Nickname, p.Picture, p.Language,
        p.PrivacyStatus,
        List(p.Labels, l => l),
        List(p.Phones, ph => new PhoneDto(ph.Phone, ph.Tag)),
        List(p.SecondaryEmails, e => new TaggedEmailDto(e.Email, e.Tag)),
        List(p.Addresses, a => new TaggedAddressDto(a.Tag, new AddressDto(
            a.Address.City, a.Address.Subdivision, a.Address.Country,
            a.Address.PostalCode, a.Address.FormattedAddress, a.Address.AddressLine,
            a.Address.AddressLine2))),
        List(p.CustomFields, f => new CustomFieldDto(f.Name, Value(f.Value))))).IfNoneUnsafe((ProfileDto?)null);

    private static CustomValueDto Value(CustomFieldValue value) => value switch
    {
        CustomFieldValue.Text t => new(t.Value, null, null),
        CustomFieldValue.Number n when double.IsFinite(n.Value) => new(null, n.Value, null),
        CustomFieldValue.Date d => new(null, null,
            d.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
        _ => throw new ArgumentOutOfRangeException(nameof(value), "A custom field's number must be finite."),
    };

    private static IReadOnlyList<TOut>? List<TIn, TOut>(IReadOnlyList<TIn> items, Func<TIn, TOut> map) =>
        items.Count == 0 ? null : [.. items.Select(map)];


    private static bool? Nullable(Option<bool> value) => value.MatchUnsafe(v => (bool?)v, () => null);
}
