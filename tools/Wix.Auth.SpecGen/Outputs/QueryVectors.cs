using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.SpecGen.Cases;
using Wix.Auth.SpecGen.Forms;
using Wix.Auth.SpecGen.Json;
using static LanguageExt.Prelude;

namespace Wix.Auth.SpecGen.Outputs;

/// <summary>
/// <c>spec/vectors/queries.json</c>: the rules a host asks the core between requests (spec/queries.md) — which social
/// provider a request may name, which logins start only from the site, when a login may replace a session, how long a
/// mailed code's verification lives, why a callback failed, whether its ticket stays, whether it ends quietly, which
/// settings are refused, what a failure asks of the member and why it is told, which addresses a form sends, which failed attempts a request may follow with another,
/// what a reset-mail form came to.
/// </summary>
public static class QueryVectors
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    /// <summary>The file's text.</summary>
    public static string Json() => SpecJson.Write(new JsonObject
    {
        ["version"] = SpecJson.Version,
        ["identityProviders"] = SpecJson.Array(ProviderCases().Select(c => (JsonNode?)new JsonObject
        {
            ["name"] = c.Name,
            ["offered"] = SpecJson.Array(c.Offered.Select(o => (JsonNode?)o)),
            ["expect"] = CoreJson.Outcome(IdentityProvider.Offered(c.Name, toSeq(c.Offered)), p => JsonValue.Create(p.Id)),
        })),
        ["sameOriginStart"] = SpecJson.Array(
            from prompt in new[] { Prompt.Login, Prompt.None }
            from social in new[] { false, true }
            select (JsonNode?)new JsonObject
            {
                ["prompt"] = Wire(prompt),
                ["social"] = social,
                ["expect"] = LoginQueries.NeedsSameOriginStart(prompt, social),
            }),
        ["replaceSession"] = SpecJson.Array(
            from prompt in new[] { Prompt.Login, Prompt.None }
            from hasSession in new[] { false, true }
            from session in new[] { None, Some("ada") }
            from loggedIn in new[] { None, Some("ada"), Some("alan") }
            select (JsonNode?)new JsonObject
            {
                ["prompt"] = Wire(prompt),
                ["hasMemberSession"] = hasSession,
                ["sessionMember"] = session.MatchUnsafe(m => (JsonNode?)m, () => null),
                ["loggedInMember"] = loggedIn.MatchUnsafe(m => (JsonNode?)m, () => null),
                ["expect"] = LoginQueries.MayReplaceSession(prompt, hasSession, session, loggedIn),
            }),
        ["verificationAge"] = SpecJson.Array(new[] { -1L, 0, 599, 600, 601, 86_400 }.Select(seconds =>
        {
            var settings = new MemberFormSettings();
            var now = T0.AddSeconds(seconds);
            return (JsonNode?)new JsonObject
            {
                ["verificationTtlSeconds"] = settings.VerificationTtl.TotalSeconds,
                ["issuedAt"] = SpecJson.Instant(T0),
                ["now"] = SpecJson.Instant(now),
                ["expect"] = MemberFormQueries.CheckVerificationAge(settings, T0, now).Match(_ => "good", e => e.Code),
            };
        })),
        ["whyLoginFailed"] = SpecJson.Array(WhyLoginFailedCases().Select(c =>
        {
            var settings = Fixtures.Settings;
            var now = T0.AddSeconds(settings.PendingLoginTtl.TotalSeconds + 1000);
            var began = c.BeganSecondsBeforeNow.Map(s => now.AddSeconds(-s));
            return (JsonNode?)new JsonObject
            {
                ["pendingLoginTtlSeconds"] = settings.PendingLoginTtl.TotalSeconds,
                ["error"] = CoreJson.Error(c.Error),
                ["loginBeganAt"] = began.MatchUnsafe(b => (JsonNode?)SpecJson.Instant(b), () => null),
                ["now"] = SpecJson.Instant(now),
                ["expect"] = CoreJson.Error(LoginQueries.WhyLoginFailed(settings, c.Error, began, now)),
            };
        })),
        ["keepsLoginTicket"] = SpecJson.Array(CallbackErrors().Select(e => (JsonNode?)new JsonObject
        {
            ["error"] = CoreJson.Error(e),
            ["expect"] = LoginQueries.KeepsLoginTicket(e),
        })),
        ["endsQuietly"] = SpecJson.Array(
            from prompt in new[] { Prompt.Login, Prompt.None }
            from e in CallbackErrors()
            select (JsonNode?)new JsonObject
            {
                ["prompt"] = Wire(prompt),
                ["error"] = CoreJson.Error(e),
                ["expect"] = LoginQueries.EndsQuietly(prompt, e),
            }),
        ["settings"] = SpecJson.Array(SettingsCases().Select(s => (JsonNode?)new JsonObject
        {
            ["settings"] = CoreJson.Settings(s),
            ["expect"] = s.Validate().Match(_ => new JsonObject { ["ok"] = true },
                errors => new JsonObject { ["errors"] = SpecJson.Array(errors.Map(e => (JsonNode?)CoreJson.Error(e))) }),
        })),
        ["failures"] = SpecJson.Array(FailureCases().Select(e => (JsonNode?)new JsonObject
        {
            ["error"] = CoreJson.Error(e),
            ["expect"] = new JsonObject { ["kind"] = Failures.KindOf(e).ToString(), ["reason"] = Failures.ReasonOf(e).ToString() },
        })),
        ["emails"] = SpecJson.Array(EmailCases().Select(e => (JsonNode?)new JsonObject { ["email"] = e, ["expect"] = CheckEmail(e) })),
        ["repeat"] = SpecJson.Array(
            from policy in new RepeatPolicy[] { new RepeatPolicy.Safe("spec"), new RepeatPolicy.OnlyIfNeverSent("spec") }
            from attempt in Attempts()
            select (JsonNode?)new JsonObject
            {
                ["repeat"] = policy.GetType().Name,
                ["attempt"] = AttemptName(attempt),
                ["status"] = attempt is AttemptOutcome.Answered a ? (JsonNode?)a.Status : null,
                ["expect"] = policy.AllowsAnotherAttempt(attempt),
            }),
        ["mailOutcome"] = SpecJson.Array(MailOutcomeStates().Select(s => (JsonNode?)new JsonObject
        {
            ["state"] = FormsJson.State(s),
            ["expect"] = MemberFormFlow.MailOutcome(s).Match(_ => new JsonObject { ["ok"] = true }, e => new JsonObject { ["error"] = FormsJson.Error(e) }),
        })),
        ["retryDelay"] = SpecJson.Array(RetryDelayCases().Select(c =>
        {
            var args = new JsonObject
            {
                ["retryAfterSeconds"] = c.Seconds is { } seconds ? (double)seconds : null,
                ["retryAfterDate"] = c.DateFromNow is { } later ? SpecJson.Instant(T0.AddSeconds(later)) : null,
                ["now"] = SpecJson.Instant(T0),
                ["backoffSeconds"] = c.Backoff,
                ["capSeconds"] = c.Cap,
            };
            args["expect"] = RetryDelaySeconds(args);
            return (JsonNode?)args;
        })),
    });

    private sealed record RetryDelayCase(long? Seconds, long? DateFromNow, double Backoff, double Cap);

    /// <summary>
    /// The wait before a repeat (<c>wire.md</c>): Retry-After's seconds, else the time to its date, else the backoff; a
    /// date already past waits nothing; never longer than the cap, at it exactly the cap.
    /// </summary>
    private static IEnumerable<RetryDelayCase> RetryDelayCases() =>
    [
        new(3, null, 1, 30), new(0, null, 1, 30), new(30, null, 1, 30), new(31, null, 1, 30), new(3600, null, 1, 30),
        new(null, 10, 1, 30), new(null, 0, 1, 30), new(null, -5, 1, 30), new(null, 30, 1, 30), new(null, 120, 1, 30),
        new(null, null, 2, 30), new(null, null, 0, 30), new(null, null, 0.25, 30), new(null, null, 60, 30),
    ];

    /// <summary><c>{retryAfterSeconds, retryAfterDate, now, backoffSeconds, capSeconds}</c> → the wait in seconds, as the core answers it.</summary>
    public static double RetryDelaySeconds(JsonNode a) => RetryDelay.Before(
        a["retryAfterSeconds"] is { } seconds ? TimeSpan.FromSeconds(seconds.GetValue<double>()) : null,
        a["retryAfterDate"] is { } date ? SpecJson.ReadInstant(date.GetValue<string>()) : null,
        SpecJson.ReadInstant(a["now"]!.GetValue<string>()),
        TimeSpan.FromSeconds(a["backoffSeconds"]!.GetValue<double>()),
        TimeSpan.FromSeconds(a["capSeconds"]!.GetValue<double>())).TotalSeconds;

    /// <summary>
    /// Every representative form state (a reset mail sent, and every state it was not), then the ends of a reset mail
    /// Wix refused: unreachable, a field, a captcha. Each distinct state once.
    /// </summary>
    private static IEnumerable<MemberFormState> MailOutcomeStates()
    {
        IEnumerable<IReadOnlyList<MemberFormEvent>> paths =
        [
            .. FormStateVariant.All.Select(v => v.Path),
            [FormFixtures.ResetMail(), FormFixtures.Refused("MEMBER_NOT_FOUND", 404)],
            [FormFixtures.ResetMail(), FormFixtures.Unreachable()],
            [FormFixtures.ResetMail(), FormFixtures.FieldRefused("redirectUrl", "FORMAT", null)],
            [FormFixtures.ResetMail(), FormFixtures.Refused("INVALID_CAPTCHA_TOKEN")],
        ];
        var seen = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var state = FormRun.StateAfter(FormFixtures.TableSettings, path);
            if (seen.Add(FormsJson.State(state).ToJsonString())) yield return state;
        }
    }

    /// <summary>
    /// <c>CheckEmail</c>: the address a login form sends for <paramref name="email"/> (<c>{"ok": address}</c>), or why it
    /// sends nothing (<c>{"error": memberAuthError}</c>), read from the forms' decider. Also the C# adapter's answer.
    /// </summary>
    public static JsonObject CheckEmail(string email)
    {
        var submitted = new MemberFormEvent.LoginSubmitted(new Secret("visitor-access-1"), email, new Secret("pass-1"), None, T0);
        return MemberFormFlow.Transition(new MemberFormSettings(), MemberFormFlow.Initial, submitted).Match(
            d => d.Call.Case is MemberFormCall.SendForState { Request: MemberAuthRequest.Login login }
                ? new JsonObject { ["ok"] = login.Email }
                : new JsonObject { ["error"] = FormsJson.Error(d.State is MemberFormState.Failed f ? f.Reason : new MemberAuthError.UnexpectedEvent(d.State.GetType().Name, "LoginSubmitted")) },
            e => new JsonObject { ["error"] = FormsJson.Error(e) });
    }

    /// <summary>The name of an attempt's outcome in queries.json.</summary>
    public static string AttemptName(AttemptOutcome attempt) => attempt switch
    {
        AttemptOutcome.NeverSent => "neverSent",
        AttemptOutcome.ConnectionLost => "connectionLost",
        AttemptOutcome.TimedOut => "timedOut",
        _ => "answered",
    };

    private static IEnumerable<AttemptOutcome> Attempts() =>
    [
        AttemptOutcome.NeverSent.Instance, AttemptOutcome.ConnectionLost.Instance, AttemptOutcome.TimedOut.Instance,
        .. new[] { 200, 201, 302, 400, 401, 403, 404, 408, 409, 429, 499, 500, 502, 503, 504 }.Select(s => (AttemptOutcome)new AttemptOutcome.Answered(s)),
    ];

    private static IEnumerable<string> EmailCases()
    {
        var local = new string('a', 254 - "@example.com".Length);
        return
        [
            "member@example.com", " member@example.com ", "a@b.co", local + "@example.com", "a" + local + "@example.com",
            "@example.com", "member@example", "member@.example.com", "member@example.com.", "member@@example.com",
            "mem@ber@example.com", "mem ber@example.com", "member@exa\tmple.com", "member.name@example", "", "   ",
        ];
    }

    /// <summary>Errors a callback can end with: Wix's denials (the silent login's three, and others), and the flow's own.</summary>
    private static IEnumerable<AuthError> CallbackErrors() =>
    [
        new AuthError.AuthorizationDenied("login_required", ""),
        new AuthError.AuthorizationDenied("interaction_required", ""),
        new AuthError.AuthorizationDenied("consent_required", "The member must consent."),
        new AuthError.AuthorizationDenied("access_denied", ""),
        new AuthError.AuthorizationDenied("account_selection_required", ""),
        new AuthError.StateMismatch(),
        new AuthError.IssuerMismatch(),
        new AuthError.NoPendingLogin(),
        new AuthError.PendingLoginExpired(),
        new AuthError.CallbackAlreadyReceived(),
        new AuthError.StoreUnavailable(),
        new AuthError.RemoteCallFailed(Fixtures.Refused),
    ];

    /// <summary>Every error a login or a refresh can end with, and each class of Wix's answer to a failed call.</summary>
    private static IEnumerable<AuthError> FailureCases() =>
    [
        .. CallbackErrors(),
        new AuthError.RemoteCallFailed(new WixError(Failures.InvalidGrant, None, Some(400), None)),
        new AuthError.RemoteCallFailed(new WixError("invalid_client", None, Some(401), None)),
        new AuthError.RemoteCallFailed(new WixError("http_503", None, Some(503), None)),
        new AuthError.RemoteCallFailed(new WixError("http_429", None, Some(429), None)),
        new AuthError.RemoteCallFailed(WixError.Of(WixError.NetworkError)),
        new AuthError.RemoteCallFailed(WixError.Of(WixError.InvalidResponse)),
        new AuthError.MissingParameter("code"),
        new AuthError.DuplicateParameter("state"),
        new AuthError.InvalidUrl(),
        new AuthError.UrlTooLong(8192),
        new AuthError.RefreshRejected(Fixtures.Refused),
        new AuthError.NotAuthenticated(),
        new AuthError.InvalidOAuthData(),
    ];

    /// <summary>A callback's error, and how long before now the host says the login began (none: it does not know).</summary>
    private static IEnumerable<(AuthError Error, Option<double> BeganSecondsBeforeNow)> WhyLoginFailedCases()
    {
        var ttl = Fixtures.Settings.PendingLoginTtl.TotalSeconds;
        foreach (var began in new[] { None, Some(0.0), Some(ttl - 1), Some(ttl), Some(ttl + 1), Some(ttl + 1000) })
            yield return (new AuthError.NoPendingLogin(), began);
        yield return (new AuthError.StateMismatch(), Some(ttl + 1000));
        yield return (new AuthError.CallbackAlreadyReceived(), Some(ttl + 1000));
    }

    /// <summary>Good settings, then each refused one alone (at its boundary), then all at once.</summary>
    private static IEnumerable<FlowSettings> SettingsCases()
    {
        var good = Fixtures.Settings;
        yield return good;
        yield return good with { RefreshMargin = TimeSpan.Zero, ExpectedIssuer = None, AllowedOrigins = Empty };
        yield return good with { PendingLoginTtl = TimeSpan.FromSeconds(1) };
        yield return new FlowSettings("") { AllowedOrigins = good.AllowedOrigins, ExpectedIssuer = good.ExpectedIssuer };
        yield return new FlowSettings(" \t") { AllowedOrigins = good.AllowedOrigins, ExpectedIssuer = good.ExpectedIssuer };
        yield return good with { PendingLoginTtl = TimeSpan.Zero };
        yield return good with { PendingLoginTtl = TimeSpan.FromSeconds(-1) };
        yield return good with { RefreshMargin = TimeSpan.FromSeconds(-1) };
        yield return good with { AllowedOrigins = Seq1("https://partner.example/path") };
        yield return good with { AllowedOrigins = Seq("https://partner.example", "partner.example", "https://b.example") };
        yield return good with { ExpectedIssuer = Some("") };
        yield return good with { ExpectedIssuer = Some(" ") };
        yield return new FlowSettings("") { PendingLoginTtl = TimeSpan.Zero, RefreshMargin = TimeSpan.FromSeconds(-1), AllowedOrigins = Seq1("/local"), ExpectedIssuer = Some("") };
    }

    private static string Wire(Prompt prompt) => prompt == Prompt.None ? "none" : "login";

    private static IEnumerable<(string Name, string[] Offered)> ProviderCases()
    {
        string[] usual = ["google", "facebook"];
        yield return ("google", usual);
        yield return ("facebook", usual);
        yield return ("Google", usual);                 // exact: no case folding
        yield return ("twitter", usual);
        yield return ("", usual);
        yield return ("google", ["facebook"]);          // only what this site offers
        yield return ("c0ffee00-0000-4000-8000-000000000001", [.. usual, "c0ffee00-0000-4000-8000-000000000001"]);
        yield return ("0e6a50f5-b523-4e29-990d-f37fa2ffdd69", usual);   // Google's ID is not its name
    }
}
