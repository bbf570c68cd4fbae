using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;

namespace Wix.Auth.SpecGen.Json;

/// <summary>
/// Reads the forms' JSON (<see cref="FormsJson"/>, <c>spec/forms.md</c>) back into the core's values, as a port would: the C#
/// conformance adapter's and the replay tests' way in. A missing or unknown field is a <see cref="FormatException"/>.
/// </summary>
public static class FormsReader
{
    /// <summary>The forms' settings.</summary>
    public static MemberFormSettings Settings(JsonNode j) => new()
    {
        VerificationTtl = TimeSpan.FromSeconds(j["verificationTtlSeconds"]!.GetValue<long>()),
        MaxCodeAttempts = j["maxCodeAttempts"]!.GetValue<int>(),
        HideExistingMembersAtSignUp = j["hideExistingMembersAtSignUp"]!.GetValue<bool>(),
    };

    /// <summary>A state.</summary>
    public static MemberFormState State(JsonNode j) => Str(j, "kind") switch
    {
        "Idle" => MemberFormFlow.Initial,
        "Awaiting" => new MemberFormState.Awaiting(Call(Str(j, "call")), Instant(j, "submittedAt"), OptStr(j, "returnTo"), Optional(j["verification"]).Map(Verification))
        {
            Decoy = OptStr(j, "decoy").Map(d => new Secret(d)),
        },
        "VerificationRequired" => new MemberFormState.VerificationRequired(Verification(j["verification"]!)),
        "ApprovalRequired" => new MemberFormState.ApprovalRequired(Optional(j["member"]).Map(Identity)),
        "LoggedIn" => new MemberFormState.LoggedIn(SecretOf(j, "sessionToken"), Optional(j["member"]).Map(Identity), OptStr(j, "returnTo")),
        "ResetMailSent" => new MemberFormState.ResetMailSent(),
        "Failed" => new MemberFormState.Failed(Error(j["reason"]!), Optional(j["verification"]).Map(Verification)),
        var kind => throw new FormatException($"Unknown form state kind '{kind}'."),
    };

    /// <summary>A kept verification.</summary>
    public static PendingVerification Verification(JsonNode j) =>
        new(SecretOf(j, "stateToken"), Optional(j["member"]).Map(Identity), Instant(j, "issuedAt"), OptStr(j, "returnTo"))
        {
            WrongCodes = j["wrongCodes"]!.GetValue<int>(),
            Decoy = j["decoy"]!.GetValue<bool>(),
        };

    /// <summary>An event.</summary>
    public static MemberFormEvent Event(JsonNode j) => Str(j, "kind") switch
    {
        "LoginSubmitted" => new MemberFormEvent.LoginSubmitted(SecretOf(j, "accessToken"), Str(j, "email"), SecretOf(j, "password"), Captcha(j["captcha"]), Instant(j, "now"))
        {
            ReturnTo = OptStr(j, "returnTo"),
        },
        "RegistrationSubmitted" => new MemberFormEvent.RegistrationSubmitted(SecretOf(j, "accessToken"), Str(j, "email"), SecretOf(j, "password"),
            Profile(j["profile"]), Captcha(j["captcha"]), SecretOf(j, "decoyStateToken"), Instant(j, "now"))
        {
            ReturnTo = OptStr(j, "returnTo"),
        },
        "CodeSubmitted" => new MemberFormEvent.CodeSubmitted(SecretOf(j, "accessToken"), SecretOf(j, "code"), Instant(j, "now")),
        "ResetMailRequested" => new MemberFormEvent.ResetMailRequested(SecretOf(j, "accessToken"), Str(j, "email"), Str(j, "redirectUrl"), Str(j, "clientId")),
        "NewPasswordSubmitted" => new MemberFormEvent.NewPasswordSubmitted(SecretOf(j, "accessToken"), SecretOf(j, "recoveryToken"), SecretOf(j, "password"), Instant(j, "now")),
        "StateAnswered" => new MemberFormEvent.StateAnswered(Reply(j["reply"]!)),
        "CallRefused" => new MemberFormEvent.CallRefused(Failure(j["failure"]!)),
        "ResetMailAccepted" => new MemberFormEvent.ResetMailAccepted(),
        var kind => throw new FormatException($"Unknown form event kind '{kind}'."),
    };

    /// <summary>A member-auth request from its kind and fields.</summary>
    public static MemberAuthRequest Request(JsonNode j) => Str(j, "kind") switch
    {
        "Login" => new MemberAuthRequest.Login(SecretOf(j, "accessToken"), Str(j, "email"), SecretOf(j, "password"), Captcha(j["captcha"])),
        "Register" => new MemberAuthRequest.Register(SecretOf(j, "accessToken"), Str(j, "email"), SecretOf(j, "password"), Profile(j["profile"]), Captcha(j["captcha"])),
        "Verify" => new MemberAuthRequest.Verify(SecretOf(j, "accessToken"), SecretOf(j, "code"), SecretOf(j, "stateToken")),
        "SendRecoveryEmail" => new MemberAuthRequest.SendRecoveryEmail(SecretOf(j, "accessToken"), Str(j, "email"), Str(j, "redirectUrl"), Str(j, "clientId")),
        "Recover" => new MemberAuthRequest.Recover(SecretOf(j, "accessToken"), SecretOf(j, "recoveryToken"), SecretOf(j, "password")),
        "SignOn" => new MemberAuthRequest.SignOn(SecretOf(j, "accessToken"), SecretOf(j, "apiKey"), Str(j, "email"), Profile(j["profile"]),
            Optional(j["verifyEmail"]?.GetValue<bool>()), Optional(j["mergeExistingContact"]?.GetValue<bool>())),
        "ExternalLogin" => new MemberAuthRequest.ExternalLogin(OptStr(j, "heldToken").Map(t => new Secret(t)), SecretOf(j, "apiKey"), Str(j, "memberId")),
        "ExternalLoginWithSession" => new MemberAuthRequest.ExternalLoginWithSession(SecretOf(j, "accessToken"), SecretOf(j, "apiKey"), Str(j, "memberId"), SecretOf(j, "sessionToken")),
        "TokenInfo" => new MemberAuthRequest.TokenInfo(SecretOf(j, "token")),
        var kind => throw new FormatException($"Unknown request kind '{kind}'."),
    };

    /// <summary>A login-state answer.</summary>
    public static LoginStateReply Reply(JsonNode j) =>
        new(Str(j, "state"), OptStr(j, "sessionToken").Map(t => new Secret(t)), OptStr(j, "stateToken").Map(t => new Secret(t)), Optional(j["identity"]).Map(Identity));

    /// <summary>A refused identity call.</summary>
    public static IdentityFailure Failure(JsonNode j) => new(WixError(j["error"]!), OptStr(j, "field"), OptStr(j, "violatedRule"), OptStr(j, "dataType"));

    /// <summary>Wix's error as <see cref="CoreJson.WixError"/> writes it.</summary>
    public static WixError WixError(JsonNode j) =>
        new(Str(j, "code"), OptStr(j, "description"), Optional(j["httpStatus"]?.GetValue<int>()), OptStr(j, "requestId"));

    /// <summary>A member's identity.</summary>
    public static MemberIdentity Identity(JsonNode j) =>
        new(Str(j, "memberId"), j["contactId"]?.GetValue<string>(), j["email"]?.GetValue<string>(), j["emailVerified"]?.GetValue<bool>());

    /// <summary>A member-auth error from its code and data.</summary>
    public static MemberAuthError Error(JsonNode j) => Str(j, "code") switch
    {
        "wrong_password" => new MemberAuthError.WrongPassword(),
        "member_not_found" => new MemberAuthError.MemberNotFound(),
        "wrong_credentials" => new MemberAuthError.WrongCredentials(),
        "password_reset_required" => new MemberAuthError.PasswordResetRequired(),
        "password_rejected" => new MemberAuthError.PasswordRejected(Str(j, "reason")),
        "captcha_required" => new MemberAuthError.CaptchaRequired(),
        "captcha_invalid" => new MemberAuthError.CaptchaInvalid(),
        "email_already_exists" => new MemberAuthError.EmailAlreadyExists(),
        "invalid_email" => new MemberAuthError.InvalidEmail(),
        "invalid_field" => new MemberAuthError.InvalidField(Str(j, "field"), Str(j, "rule")),
        "wrong_verification_code" => new MemberAuthError.WrongVerificationCode(),
        "too_many_wrong_codes" => new MemberAuthError.TooManyWrongCodes(),
        "expired" => new MemberAuthError.Expired(),
        "permission_denied" => new MemberAuthError.PermissionDenied(),
        "unsupported_state" => new MemberAuthError.UnsupportedState(Str(j, "state")),
        "no_verification_pending" => new MemberAuthError.NoVerificationPending(),
        "call_in_progress" => new MemberAuthError.CallInProgress(),
        "unexpected_event" => new MemberAuthError.UnexpectedEvent(Str(j, "state"), Str(j, "event")),
        "remote_call_failed" => new MemberAuthError.RemoteCallFailed(WixError(j["wixError"]!)),
        var code => throw new FormatException($"Unknown member-auth error code '{code}'."),
    };

    private static MemberAuthCall Call(string name) =>
        Enum.TryParse<MemberAuthCall>(name, ignoreCase: false, out var call) ? call : throw new FormatException($"Unknown call '{name}'.");

    private static Option<CaptchaTokens> Captcha(JsonNode? j) => Optional(j).Map(c =>
        new CaptchaTokens(c["recaptcha"]?.GetValue<string>() is { } r ? new Secret(r) : null, c["invisibleRecaptcha"]?.GetValue<string>() is { } i ? new Secret(i) : null));

    private static Option<MemberProfile> Profile(JsonNode? j) => Optional(j).Map(p => new MemberProfile
    {
        FirstName = p["firstName"]?.GetValue<string>(), LastName = p["lastName"]?.GetValue<string>(), Nickname = p["nickname"]?.GetValue<string>(),
        Picture = p["picture"]?.GetValue<string>(), Language = p["language"]?.GetValue<string>(), PrivacyStatus = p["privacyStatus"]?.GetValue<string>(),
        Labels = [.. p["labels"]!.AsArray().Select(l => l!.GetValue<string>())],
        Phones = [.. p["phones"]!.AsArray().Select(ph => new TaggedPhone(Str(ph!, "phone"), Str(ph!, "tag")))],
        SecondaryEmails = [.. p["secondaryEmails"]!.AsArray().Select(e => new TaggedEmail(Str(e!, "email"), Str(e!, "tag")))],
        Addresses = [.. p["addresses"]!.AsArray().Select(a => new TaggedAddress(Str(a!, "tag"), Address(a!["address"]!)))],
        CustomFields = [.. p["customFields"]!.AsArray().Select(f => new CustomField(Str(f!, "name"), CustomValue(f!)))],
    });

    private static PostalAddress Address(JsonNode a) => new()
    {
        City = a["city"]?.GetValue<string>(), Subdivision = a["subdivision"]?.GetValue<string>(), Country = a["country"]?.GetValue<string>(),
        PostalCode = a["postalCode"]?.GetValue<string>(), FormattedAddress = a["formattedAddress"]?.GetValue<string>(),
        AddressLine = a["addressLine"]?.GetValue<string>(), AddressLine2 = a["addressLine2"]?.GetValue<string>(),
    };

    // Exactly one of text, number and date.
    private static CustomFieldValue CustomValue(JsonNode f) => (f["text"], f["number"], f["date"]) switch
    {
        ({ } t, null, null) => new CustomFieldValue.Text(t.GetValue<string>()),
        (null, { } n, null) => new CustomFieldValue.Number(n.GetValue<double>()),
        (null, null, { } d) => new CustomFieldValue.Date(SpecJson.ReadInstant(d.GetValue<string>())),
        _ => throw new FormatException($"A custom field needs exactly one of text, number and date: {f.ToJsonString()}"),
    };

    private static Secret SecretOf(JsonNode j, string name) => new(Str(j, name));

    private static DateTimeOffset Instant(JsonNode j, string name) => SpecJson.ReadInstant(Str(j, name));

    private static Option<string> OptStr(JsonNode j, string name) => Optional(j[name]?.GetValue<string>());

    private static string Str(JsonNode j, string name) =>
        j[name]?.GetValue<string>() ?? throw new FormatException($"'{name}' is missing in {j.ToJsonString()}");
}
