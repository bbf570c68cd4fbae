namespace Wix.Auth.Conformance;

/// <summary>The adapter protocol's functions (spec/conformance.md), one request type each.</summary>
public static class Functions
{
    /// <summary><c>{verifier}</c> → the S256 challenge.</summary>
    public const string CodeChallenge = nameof(CodeChallenge);

    /// <summary><c>{entropy (hex), redirectUri, originalUri}</c> → OAuth data, or every error in order.</summary>
    public const string GenerateOAuthData = nameof(GenerateOAuthData);

    /// <summary><c>{url, responseMode}</c> → the parsed callback, or the error.</summary>
    public const string ParseFromUrl = nameof(ParseFromUrl);

    /// <summary><c>{settings, state, event}</c> → the next state and the effects, or the rejection.</summary>
    public const string Transition = nameof(Transition);

    /// <summary><c>{baseUrl, request}</c> → the HTTP request as it leaves: method, URL, headers, body text.</summary>
    public const string HttpRequest = nameof(HttpRequest);

    /// <summary><c>{call, status, requestId, body}</c> → what the HTTP layer reads from Wix's answer.</summary>
    public const string HttpResponse = nameof(HttpResponse);

    /// <summary><c>{name, offered}</c> → the provider's ID, or the error.</summary>
    public const string IdentityProvider = nameof(IdentityProvider);

    /// <summary><c>{prompt, social}</c> → whether the login must start from the site's own pages.</summary>
    public const string NeedsSameOriginStart = nameof(NeedsSameOriginStart);

    /// <summary><c>{prompt, hasMemberSession, sessionMember, loggedInMember}</c> → whether the new login may replace the session.</summary>
    public const string MayReplaceSession = nameof(MayReplaceSession);

    /// <summary><c>{verificationTtlSeconds, issuedAt, now}</c> → good, or the error.</summary>
    public const string CheckVerificationAge = nameof(CheckVerificationAge);

    /// <summary><c>{pendingLoginTtlSeconds, error, loginBeganAt, now}</c> → the error to show for a failed callback.</summary>
    public const string WhyLoginFailed = nameof(WhyLoginFailed);

    /// <summary><c>{error}</c> → whether the browser keeps its login ticket after a callback that failed so.</summary>
    public const string KeepsLoginTicket = nameof(KeepsLoginTicket);

    /// <summary><c>{prompt, error}</c> → whether a failed login ends quietly, the visitor staying anonymous.</summary>
    public const string EndsQuietly = nameof(EndsQuietly);

    /// <summary><c>{settings}</c> → true when a port accepts them; every problem, in order, otherwise.</summary>
    public const string ValidateSettings = nameof(ValidateSettings);

    /// <summary><c>{error}</c> → what the failure asks of the member (<c>kind</c>) and why they are told it ended (<c>reason</c>).</summary>
    public const string ClassifyFailure = nameof(ClassifyFailure);

    /// <summary><c>{email}</c> → the address a login form sends, or the error that stops it.</summary>
    public const string CheckEmail = nameof(CheckEmail);

    /// <summary><c>{repeat, attempt, status}</c> → whether a request may be sent again after such a failed attempt.</summary>
    public const string AllowsAnotherAttempt = nameof(AllowsAnotherAttempt);

    /// <summary><c>{state}</c> (a form state) → true when a reset mail was sent, else why not.</summary>
    public const string MailOutcome = nameof(MailOutcome);

    /// <summary><c>{retryAfterSeconds, retryAfterDate, now, backoffSeconds, capSeconds}</c> → how many seconds to wait before a repeat.</summary>
    public const string RetryDelay = nameof(RetryDelay);

    /// <summary><c>{url, redirectUri, allowedOrigins}</c> → the Location-safe URL, or the error.</summary>
    public const string CheckReturnUrl = nameof(CheckReturnUrl);

    /// <summary><c>{uri}</c> → whether a login may name it as its redirect URI.</summary>
    public const string IsValidRedirectUri = nameof(IsValidRedirectUri);

    /// <summary><c>{url}</c> → the origin of an http(s) URL, or null.</summary>
    public const string OriginOf = nameof(OriginOf);

    /// <summary><c>{origin}</c> → whether a host may configure it as an allowed origin.</summary>
    public const string IsOrigin = nameof(IsOrigin);

    /// <summary><c>{settings, oauthData, steps}</c> → what each step of a key scenario ended in.</summary>
    public const string RunScenario = nameof(RunScenario);

    /// <summary><c>{settings, state, event}</c> → the forms' decision (state, actions, call), or the rejection.</summary>
    public const string FormTransition = nameof(FormTransition);

    /// <summary><c>{baseUrl, request}</c> → the member-auth HTTP request as it leaves.</summary>
    public const string MemberHttpRequest = nameof(MemberHttpRequest);

    /// <summary><c>{call, transportFailure, status, requestId, body}</c> → what is read from Wix's answer, and what it means.</summary>
    public const string MemberHttpResponse = nameof(MemberHttpResponse);

    /// <summary><c>{formSettings, flowSettings, steps}</c> → each step's summary of a forms scenario.</summary>
    public const string RunFormScenario = nameof(RunFormScenario);

    /// <summary>Every function, in the order the files use them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        CodeChallenge, GenerateOAuthData, ParseFromUrl, Transition, HttpRequest, HttpResponse, IdentityProvider,
        NeedsSameOriginStart, MayReplaceSession, CheckVerificationAge, WhyLoginFailed, KeepsLoginTicket, EndsQuietly, ValidateSettings, ClassifyFailure, CheckEmail, AllowsAnotherAttempt, MailOutcome, RetryDelay, IsValidRedirectUri, OriginOf, CheckReturnUrl, IsOrigin, RunScenario, FormTransition, MemberHttpRequest, MemberHttpResponse, RunFormScenario,
    ];
}
