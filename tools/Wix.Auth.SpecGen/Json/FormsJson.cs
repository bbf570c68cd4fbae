using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.SpecGen.Json;

/// <summary>
/// JSON of the site's forms (<see cref="MemberFormFlow"/>) and of the member-auth requests and answers, as
/// <c>spec/forms.md</c> describes it. Secrets are written with their values: vectors are fake test data.
/// </summary>
public static class FormsJson
{
    /// <summary>The forms' settings.</summary>
    public static JsonObject Settings(MemberFormSettings s) => new()
    {
        ["verificationTtlSeconds"] = (long)s.VerificationTtl.TotalSeconds,
        ["maxCodeAttempts"] = s.MaxCodeAttempts,
        ["hideExistingMembersAtSignUp"] = s.HideExistingMembersAtSignUp,
    };

    /// <summary>A state of the forms.</summary>
    public static JsonObject State(MemberFormState state) => state switch
    {
        MemberFormState.Idle => new() { ["kind"] = "Idle" },
        MemberFormState.Awaiting a => new()
        {
            ["kind"] = "Awaiting", ["call"] = a.Call.ToString(), ["submittedAt"] = SpecJson.Instant(a.SubmittedAt),
            ["returnTo"] = Str(a.ReturnTo), ["verification"] = Opt(a.Verification.Map(Verification)), ["decoy"] = Str(a.Decoy.Map(d => d.Reveal())),
        },
        MemberFormState.VerificationRequired v => new() { ["kind"] = "VerificationRequired", ["verification"] = Verification(v.Verification) },
        MemberFormState.ApprovalRequired a => new() { ["kind"] = "ApprovalRequired", ["member"] = Opt(a.Member.Map(CoreJson.Identity)) },
        MemberFormState.LoggedIn l => new()
        {
            ["kind"] = "LoggedIn", ["sessionToken"] = l.SessionToken.Reveal(), ["member"] = Opt(l.Member.Map(CoreJson.Identity)), ["returnTo"] = Str(l.ReturnTo),
        },
        MemberFormState.ResetMailSent => new() { ["kind"] = "ResetMailSent" },
        MemberFormState.Failed f => new() { ["kind"] = "Failed", ["reason"] = Error(f.Reason), ["verification"] = Opt(f.Verification.Map(Verification)) },
        _ => throw new NotSupportedException($"No JSON for form state {state.GetType().Name}: add it to FormsJson and spec/forms.md."),
    };

    /// <summary>A verification the host keeps between requests.</summary>
    public static JsonObject Verification(PendingVerification v) => new()
    {
        ["stateToken"] = v.StateToken.Reveal(), ["member"] = Opt(v.Member.Map(CoreJson.Identity)), ["issuedAt"] = SpecJson.Instant(v.IssuedAt),
        ["returnTo"] = Str(v.ReturnTo), ["wrongCodes"] = v.WrongCodes, ["decoy"] = v.Decoy,
    };

    /// <summary>An event of the forms.</summary>
    public static JsonObject Event(MemberFormEvent e) => e switch
    {
        MemberFormEvent.LoginSubmitted l => new()
        {
            ["kind"] = "LoginSubmitted", ["accessToken"] = l.AccessToken.Reveal(), ["email"] = l.Email, ["password"] = l.Password.Reveal(),
            ["captcha"] = Opt(l.Captcha.Map(Captcha)), ["now"] = SpecJson.Instant(l.Now), ["returnTo"] = Str(l.ReturnTo),
        },
        MemberFormEvent.RegistrationSubmitted r => new()
        {
            ["kind"] = "RegistrationSubmitted", ["accessToken"] = r.AccessToken.Reveal(), ["email"] = r.Email, ["password"] = r.Password.Reveal(),
            ["profile"] = Opt(r.Profile.Map(Profile)), ["captcha"] = Opt(r.Captcha.Map(Captcha)), ["decoyStateToken"] = r.DecoyStateToken.Reveal(),
            ["now"] = SpecJson.Instant(r.Now), ["returnTo"] = Str(r.ReturnTo),
        },
        MemberFormEvent.CodeSubmitted c => new() { ["kind"] = "CodeSubmitted", ["accessToken"] = c.AccessToken.Reveal(), ["code"] = c.Code.Reveal(), ["now"] = SpecJson.Instant(c.Now) },
        MemberFormEvent.ResetMailRequested m => new()
        {
            ["kind"] = "ResetMailRequested", ["accessToken"] = m.AccessToken.Reveal(), ["email"] = m.Email, ["redirectUrl"] = m.RedirectUrl, ["clientId"] = m.ClientId,
        },
        MemberFormEvent.NewPasswordSubmitted p => new()
        {
            ["kind"] = "NewPasswordSubmitted", ["accessToken"] = p.AccessToken.Reveal(), ["recoveryToken"] = p.RecoveryToken.Reveal(),
            ["password"] = p.Password.Reveal(), ["now"] = SpecJson.Instant(p.Now),
        },
        MemberFormEvent.StateAnswered s => new() { ["kind"] = "StateAnswered", ["reply"] = Reply(s.Reply) },
        MemberFormEvent.CallRefused r => new() { ["kind"] = "CallRefused", ["failure"] = Failure(r.Failure) },
        MemberFormEvent.ResetMailAccepted => new() { ["kind"] = "ResetMailAccepted" },
        _ => throw new NotSupportedException($"No JSON for form event {e.GetType().Name}: add it to FormsJson and spec/forms.md."),
    };

    /// <summary>A transition's answer: <c>{"state", "actions", "call"}</c>, or <c>{"rejected": error}</c>.</summary>
    public static JsonObject Step(Either<MemberAuthError, MemberFormDecision> result) => result.Match(
        Decision, e => new JsonObject { ["rejected"] = Error(e) });

    /// <summary>A decision: <c>{"state", "actions", "call"}</c>.</summary>
    public static JsonObject Decision(MemberFormDecision d) => new()
    {
        ["state"] = State(d.State),
        ["actions"] = SpecJson.Array(d.Actions.Map(a => (JsonNode?)Action(a))),
        ["call"] = Opt(d.Call.Map(Call)),
    };

    /// <summary>What the host does with the kept verification.</summary>
    public static JsonObject Action(MemberFormAction action) => action switch
    {
        MemberFormAction.KeepVerification k => new()
        {
            ["kind"] = "KeepVerification", ["verification"] = Verification(k.Verification), ["ttlSeconds"] = (long)k.TimeToLive.TotalSeconds,
        },
        MemberFormAction.ForgetVerification => new() { ["kind"] = "ForgetVerification" },
        _ => throw new NotSupportedException($"No JSON for action {action.GetType().Name}."),
    };

    /// <summary>The call the forms make.</summary>
    public static JsonObject Call(MemberFormCall call) => call switch
    {
        MemberFormCall.SendForState s => new() { ["kind"] = "SendForState", ["request"] = Request(s.Request) },
        MemberFormCall.SendResetMail m => new() { ["kind"] = "SendResetMail", ["request"] = Request(m.Request) },
        _ => throw new NotSupportedException($"No JSON for call {call.GetType().Name}."),
    };

    /// <summary>A member-auth request as the core builds it: its kind and its fields (member-wire.json gives the bytes).</summary>
    public static JsonObject Request(MemberAuthRequest request) => request switch
    {
        MemberAuthRequest.Login r => new()
        {
            ["kind"] = "Login", ["accessToken"] = r.AccessToken.Reveal(), ["email"] = r.Email, ["password"] = r.Password.Reveal(), ["captcha"] = Opt(r.Captcha.Map(Captcha)),
        },
        MemberAuthRequest.Register r => new()
        {
            ["kind"] = "Register", ["accessToken"] = r.AccessToken.Reveal(), ["email"] = r.Email, ["password"] = r.Password.Reveal(),
            ["profile"] = Opt(r.Profile.Map(Profile)), ["captcha"] = Opt(r.Captcha.Map(Captcha)),
        },
        MemberAuthRequest.Verify r => new() { ["kind"] = "Verify", ["accessToken"] = r.AccessToken.Reveal(), ["code"] = r.Code.Reveal(), ["stateToken"] = r.StateToken.Reveal() },
        MemberAuthRequest.SendRecoveryEmail r => new()
        {
            ["kind"] = "SendRecoveryEmail", ["accessToken"] = r.AccessToken.Reveal(), ["email"] = r.Email, ["redirectUrl"] = r.RedirectUrl, ["clientId"] = r.ClientId,
        },
        MemberAuthRequest.Recover r => new()
        {
            ["kind"] = "Recover", ["accessToken"] = r.AccessToken.Reveal(), ["recoveryToken"] = r.RecoveryToken.Reveal(), ["password"] = r.Password.Reveal(),
        },
        MemberAuthRequest.SignOn r => new()
        {
            ["kind"] = "SignOn", ["accessToken"] = r.AccessToken.Reveal(), ["apiKey"] = r.ApiKey.Reveal(), ["email"] = r.Email,
            ["profile"] = Opt(r.Profile.Map(Profile)), ["verifyEmail"] = Bool(r.VerifyEmail), ["mergeExistingContact"] = Bool(r.MergeExistingContact),
        },
        MemberAuthRequest.ExternalLogin r => new()
        {
            ["kind"] = "ExternalLogin", ["heldToken"] = Str(r.HeldToken.Map(t => t.Reveal())), ["apiKey"] = r.ApiKey.Reveal(), ["memberId"] = r.MemberId,
        },
        MemberAuthRequest.ExternalLoginWithSession r => new()
        {
            ["kind"] = "ExternalLoginWithSession", ["accessToken"] = r.AccessToken.Reveal(), ["apiKey"] = r.ApiKey.Reveal(), ["memberId"] = r.MemberId,
            ["sessionToken"] = r.SessionToken.Reveal(),
        },
        MemberAuthRequest.TokenInfo r => new() { ["kind"] = "TokenInfo", ["token"] = r.Token.Reveal() },
        _ => throw new NotSupportedException($"No JSON for request {request.GetType().Name}."),
    };

    /// <summary>Captcha tokens; an absent one is null.</summary>
    public static JsonObject Captcha(CaptchaTokens t) => new() { ["recaptcha"] = t.Recaptcha?.Reveal(), ["invisibleRecaptcha"] = t.InvisibleRecaptcha?.Reveal() };

    /// <summary>
    /// A profile: the scalar fields (null when absent); labels, phones, secondary emails and addresses (each address's seven
    /// fields, null when absent); custom fields, each with one of <c>text</c>, <c>number</c> or <c>date</c> (an instant).
    /// </summary>
    public static JsonObject Profile(MemberProfile p) => new()
    {
        ["firstName"] = p.FirstName, ["lastName"] = p.LastName, ["nickname"] = p.Nickname, ["picture"] = p.Picture,
        ["language"] = p.Language, ["privacyStatus"] = p.PrivacyStatus,
        ["labels"] = SpecJson.Array(p.Labels.Select(l => (JsonNode?)l)),
        ["phones"] = SpecJson.Array(p.Phones.Select(ph => (JsonNode?)new JsonObject { ["phone"] = ph.Phone, ["tag"] = ph.Tag })),
        ["secondaryEmails"] = SpecJson.Array(p.SecondaryEmails.Select(e => (JsonNode?)new JsonObject { ["email"] = e.Email, ["tag"] = e.Tag })),
        ["addresses"] = SpecJson.Array(p.Addresses.Select(a => (JsonNode?)new JsonObject
        {
            ["tag"] = a.Tag,
            ["address"] = new JsonObject
            {
                ["city"] = a.Address.City, ["subdivision"] = a.Address.Subdivision, ["country"] = a.Address.Country, ["postalCode"] = a.Address.PostalCode,
                ["formattedAddress"] = a.Address.FormattedAddress, ["addressLine"] = a.Address.AddressLine, ["addressLine2"] = a.Address.AddressLine2,
            },
        })),
        ["customFields"] = SpecJson.Array(p.CustomFields.Select(f => (JsonNode?)(f.Value switch
        {
            CustomFieldValue.Text t => new JsonObject { ["name"] = f.Name, ["text"] = t.Value },
            CustomFieldValue.Number n => new JsonObject { ["name"] = f.Name, ["number"] = n.Value },
            CustomFieldValue.Date d => new JsonObject { ["name"] = f.Name, ["date"] = SpecJson.Instant(d.Value) },
            _ => throw new NotSupportedException($"No JSON for custom field value {f.Value.GetType().Name}: add it to FormsJson and spec/schema.md."),
        }))),
    };

    /// <summary>A login-state answer as read: the state as sent, its tokens and the member, null when absent.</summary>
    public static JsonObject Reply(LoginStateReply r) => new()
    {
        ["state"] = r.State, ["sessionToken"] = Str(r.SessionToken.Map(t => t.Reveal())), ["stateToken"] = Str(r.StateToken.Map(t => t.Reveal())),
        ["identity"] = Opt(r.Identity.Map(CoreJson.Identity)),
    };

    /// <summary>A refused identity call: Wix's error, and the first field violation's field, rule and data type.</summary>
    public static JsonObject Failure(IdentityFailure f) => new()
    {
        ["error"] = CoreJson.WixError(f.Error), ["field"] = Str(f.Field), ["violatedRule"] = Str(f.ViolatedRule), ["dataType"] = Str(f.DataType),
    };

    /// <summary>A member-auth error: its stable <c>code</c> and the data it carries.</summary>
    public static JsonObject Error(MemberAuthError error)
    {
        var json = new JsonObject { ["code"] = error.Code };
        switch (error)
        {
            case MemberAuthError.InvalidField e: json["field"] = e.Field; json["rule"] = e.Rule; break;
            case MemberAuthError.PasswordRejected e: json["reason"] = e.Reason; break;
            case MemberAuthError.UnsupportedState e: json["state"] = e.State; break;
            case MemberAuthError.UnexpectedEvent e: json["state"] = e.State; json["event"] = e.Event; break;
            case MemberAuthError.RemoteCallFailed e: json["wixError"] = CoreJson.WixError(e.Error); break;
        }
        return json;
    }

    /// <summary>A step of the forms, or a refusal: what an answer of Wix means (<see cref="MemberAnswers"/>).</summary>
    public static JsonObject Meaning(Either<MemberAuthError, MemberAuthStep> result) => result.Match(
        step => new JsonObject { ["step"] = StepOf(step) },
        e => new JsonObject { ["error"] = Error(e) });

    private static JsonObject StepOf(MemberAuthStep step) => step switch
    {
        MemberAuthStep.LoggedIn l => new() { ["code"] = l.Code, ["sessionToken"] = l.SessionToken.Reveal(), ["member"] = Member(l.Member) },
        MemberAuthStep.EmailVerificationRequired v => new() { ["code"] = v.Code, ["stateToken"] = v.StateToken.Reveal(), ["member"] = Member(v.Member) },
        _ => new() { ["code"] = step.Code, ["member"] = Member(step.Member) },
    };

    private static JsonObject? Member(MemberIdentity? m) => m is null ? null : CoreJson.Identity(m);

    private static JsonNode? Opt(Option<JsonObject> value) => value.MatchUnsafe(v => (JsonNode?)v, () => null);

    private static JsonNode? Str(Option<string> value) => value.MatchUnsafe(v => (JsonNode?)v, () => null);

    private static JsonNode? Bool(Option<bool> value) => value.MatchUnsafe(v => (JsonNode?)v, () => null);
}
