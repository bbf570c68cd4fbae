using System.Text.Json.Nodes;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.SpecGen.Forms;
using Wix.Auth.SpecGen.Json;
using static LanguageExt.Prelude;
using static Wix.Auth.SpecGen.Forms.FormFixtures;

namespace Wix.Auth.SpecGen.Outputs;

/// <summary>
/// <c>spec/vectors/forms.json</c>: one flow per row of the forms' table (its state's path, then its event), and whole
/// journeys; each flow names its settings; after every step, the state, the actions and the call, or the rejection.
/// </summary>
public static class FormsVectors
{
    /// <summary>The file's text.</summary>
    public static string Json(IReadOnlyList<FormRow> rows) => SpecJson.Write(new JsonObject
    {
        ["version"] = SpecJson.Version,
        ["initialState"] = FormsJson.State(MemberFormFlow.Initial),
        ["flows"] = SpecJson.Array([
            .. rows.Select(r => (JsonNode?)Flow($"row {r.Number}: {r.State.Name} + {r.Event.Name}", r.Number, TableSettings, [.. r.State.Path, r.Event.Event])),
            .. Journeys().Select(j => (JsonNode?)Flow(j.Name, null, j.Settings, j.Events)),
        ]),
    });

    /// <summary>Whole journeys through the forms, beyond one row each.</summary>
    public static IReadOnlyList<(string Name, MemberFormSettings Settings, MemberFormEvent[] Events)> Journeys() =>
    [
        ("journey: sign up, verify the mailed code, logged in", Defaults, [Register(0), Answer("REQUIRE_EMAIL_VERIFICATION"), Code(120), Answer("SUCCESS")]),
        ("journey: sign up with addresses, secondary emails and dates in the profile, logged in", Defaults, [Register(0, Some(WholeProfile)), Answer("SUCCESS")]),
        ("journey: wrong codes until the last allowed one ends the verification", Defaults, [
            Register(0), Answer("REQUIRE_EMAIL_VERIFICATION"),
            .. Enumerable.Range(1, Defaults.MaxCodeAttempts).SelectMany(i => new[] { Code(10 * i, "000000"), Refused("VERIFICATION_FAILED") }),
            Code(100),
        ]),
        ("journey: sign-up with a member's address is told so (the default)", Defaults, [Register(0), Refused("-19995", 409)]),
        ("journey: sign-up with a member's address gets a decoy verification whose every code is wrong", TableSettings, [
            Register(0), Refused("-19995", 409), Code(30), Answer("SUCCESS"), Code(40), Refused("-19999", 404),
        ]),
        ("journey: a wrong password and an unknown address fail alike", Defaults, [Login(0), Refused("-19976"), Login(10), Refused("-19999", 404)]),
        ("journey: captcha required, then sent", Defaults, [
            Login(0), Refused("-19971"), Login(10, captcha: Some(new CaptchaTokens(new("recaptcha-1")))), Answer("SUCCESS"),
        ]),
        ("journey: reset mail to an unknown address reads as sent; then a new password", Defaults, [
            ResetMail("nobody@example.com"), Refused("-19999", 404), NewPassword(60), Answer("SUCCESS"),
        ]),
        ("journey: a form while another waits is refused; an answer nobody asked for too", Defaults, [Login(0), Login(1), Answer("SUCCESS"), Answer("SUCCESS")]),
    ];

    private static JsonObject Flow(string name, int? row, MemberFormSettings settings, IReadOnlyList<MemberFormEvent> events) => new()
    {
        ["name"] = name,
        ["row"] = row,
        ["settings"] = FormsJson.Settings(settings),
        ["steps"] = SpecJson.Array(FormRun.Run(settings, events).Select(s => (JsonNode?)new JsonObject
        {
            ["event"] = FormsJson.Event(s.Event),
            ["expect"] = FormsJson.Step(s.Result),
        })),
    };
}
