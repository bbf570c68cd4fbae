using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;
using static Wix.Auth.SpecGen.Cases.Fixtures;

namespace Wix.Auth.SpecGen.Forms;

/// <summary>The fixed fake values of the forms' vectors: one visitor, one member, Wix's answers and refusals.</summary>
public static class FormFixtures
{
    /// <summary>
    /// The settings of the forms' table: the defaults, but a sign-up with a member's address gets a decoy (so every state,
    /// the decoy's too, is in the table). Whole flows name their own settings.
    /// </summary>
    public static readonly MemberFormSettings TableSettings = new() { HideExistingMembersAtSignUp = true };

    /// <summary>The defaults.</summary>
    public static readonly MemberFormSettings Defaults = new();

    /// <summary>The visitor's access token every form is sent with.</summary>
    public static readonly Secret Access = new("visitor-access-1");

    /// <summary>The member's address, as typed (with spaces the form trims).</summary>
    public const string Email = " member@example.com ";

    /// <summary>Where the member goes once logged in.</summary>
    public const string ReturnTo = "/account";

    /// <summary>The member Wix names.</summary>
    public static readonly MemberIdentity Member = new("member-1", "contact-1", "member@example.com", true);

    /// <summary>A login form, submitted <paramref name="seconds"/> after T0.</summary>
    public static MemberFormEvent Login(double seconds, string email = Email, string password = "pass-1", Option<CaptchaTokens> captcha = default) =>
        new MemberFormEvent.LoginSubmitted(Access, email, new(password), captcha, At(seconds)) { ReturnTo = ReturnTo };

    /// <summary>A sign-up form, submitted <paramref name="seconds"/> after T0, with <paramref name="profile"/> when given.</summary>
    public static MemberFormEvent Register(double seconds, Option<MemberProfile> profile = default) =>
        new MemberFormEvent.RegistrationSubmitted(Access, Email, new("pass-1"), profile, None, new("decoy-state-1"), At(seconds)) { ReturnTo = ReturnTo };

    /// <summary>
    /// A profile with every kind of field: secondary emails, a whole postal address and one with only some of its fields (each
    /// is sent only when set), and custom fields of text, number and date (a birthdate at midnight UTC, an instant with
    /// milliseconds).
    /// </summary>
    public static readonly MemberProfile WholeProfile = new()
    {
        FirstName = "Ada", LastName = "Lovelace", Nickname = "ada", Picture = "https://static.example/ada.png", Language = "en", PrivacyStatus = "PRIVATE",
        Labels = ["custom.vip"],
        Phones = [new TaggedPhone("+44 20 7946 0000", "MOBILE")],
        SecondaryEmails = [new TaggedEmail("ada@work.example", "WORK")],
        Addresses =
        [
            new TaggedAddress("HOME", new PostalAddress
            {
                City = "London", Subdivision = "GB-LND", Country = "GB", PostalCode = "W1J 7NT", FormattedAddress = "12 St James Square, London W1J 7NT",
                AddressLine = "12 St James Square", AddressLine2 = "Flat 2",
            }),
            new TaggedAddress("BILLING", new PostalAddress { Country = "GB", AddressLine = "Ockham Park" }),
        ],
        CustomFields =
        [
            new CustomField("custom.birthdate", new CustomFieldValue.Date(new DateTimeOffset(1815, 12, 10, 0, 0, 0, TimeSpan.Zero))),
            new CustomField("custom.member-since", new CustomFieldValue.Date(new DateTimeOffset(2026, 1, 1, 9, 30, 15, 250, TimeSpan.Zero))),
            new CustomField("custom.note", new CustomFieldValue.Text("engine")),
            new CustomField("custom.visits", new CustomFieldValue.Number(2.5)),
        ],
    };

    /// <summary>A code from the mail.</summary>
    public static MemberFormEvent Code(double seconds, string code = "123456") => new MemberFormEvent.CodeSubmitted(Access, new(code), At(seconds));

    /// <summary>"Forgot password".</summary>
    public static MemberFormEvent ResetMail(string email = Email) =>
        new MemberFormEvent.ResetMailRequested(Access, email, "https://shop.example/reset", "spec-client-id");

    /// <summary>A new password with the mailed token.</summary>
    public static MemberFormEvent NewPassword(double seconds, string password = "new-pass-1") =>
        new MemberFormEvent.NewPasswordSubmitted(Access, new("recovery-token-1"), new(password), At(seconds));

    /// <summary>Wix's login state: <paramref name="state"/> with the token it needs.</summary>
    public static MemberFormEvent Answer(string state, bool withToken = true) => new MemberFormEvent.StateAnswered(new LoginStateReply(state,
        withToken && state == "SUCCESS" ? Some(new Secret("session-token-1")) : None,
        withToken && state == "REQUIRE_EMAIL_VERIFICATION" ? Some(new Secret("state-token-1")) : None,
        Some(Member)));

    /// <summary>Wix refused with the application code <paramref name="code"/> and <paramref name="status"/>.</summary>
    public static MemberFormEvent Refused(string code, int status = 400) =>
        new MemberFormEvent.CallRefused(IdentityFailure.Of(new WixError(code, Some($"Wix says {code}"), Some(status), Some("req-1"))));

    /// <summary>Wix refused a field: <paramref name="field"/> broke <paramref name="rule"/> (of data type <paramref name="type"/>).</summary>
    public static MemberFormEvent FieldRefused(string field, string rule, string? type) => new MemberFormEvent.CallRefused(new IdentityFailure(
        new WixError(IdentityFailure.ValidationError, Some($"{field} refused"), Some(400), Some("req-1")), Some(field), Some(rule), Optional(type)));

    /// <summary>Wix could not be reached.</summary>
    public static MemberFormEvent Unreachable() => new MemberFormEvent.CallRefused(IdentityFailure.Of(WixError.Of(WixError.NetworkError)));
}
