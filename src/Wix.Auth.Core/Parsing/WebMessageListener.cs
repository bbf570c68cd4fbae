using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Urls;
using static LanguageExt.Prelude;

namespace Wix.Auth.Core.Parsing;

/// <summary>
/// A browser host's wait for the answer of a <c>web_message</c> login: Wix's authorize page, loaded in a frame, posts
/// <c>{code, state}</c> or <c>{error, error_description, state}</c> to the host's window. Unlike <c>@wix/sdk</c>, which
/// takes the first message with the right state from anyone, a message counts only when it comes from the authorize
/// page's origin and carries this login's state (compared in constant time); every other message is ignored, so a hostile
/// frame can neither answer nor abort the login. The answer goes to <see cref="Flow.LoginFlow"/> as an ordinary
/// callback (<see cref="Flow.LoginEvent.CallbackReceived"/>): an error is reported there as any callback's error.
/// </summary>
/// <param name="AuthorizeOrigin">The origin of the login URL (<c>https://host[:port]</c>): the only sender accepted.</param>
/// <param name="State">The login's state.</param>
/// <param name="Deadline">When the wait ends without an answer.</param>
/// <remarks>The host owns the listener and the clock: it calls <see cref="Receive"/> for each message and <see cref="Expire"/> when its timer fires.</remarks>
public sealed record WebMessageListener(string AuthorizeOrigin, string State, DateTimeOffset Deadline)
{
    /// <summary>How long a wait lasts by default: the SDK's 120 s.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The longest value of a message's field that is read; longer messages are ignored.</summary>
    public const int MaxValueLength = CallbackParser.MaxUrlLength;

    /// <summary>
    /// The wait for the answer of the login URL <paramref name="authUrl"/> with <paramref name="state"/>, begun at
    /// <paramref name="now"/> for <paramref name="timeout"/>; refused when the URL has no http(s) origin (<see cref="HttpOrigin"/>), the state is
    /// empty or the timeout not positive.
    /// </summary>
    public static Either<AuthError, WebMessageListener> For(string authUrl, string state, DateTimeOffset now, TimeSpan timeout)
    {
        if (HttpOrigin.Read(authUrl, out _) is not { } origin) return new AuthError.InvalidUrl();
        if (string.IsNullOrEmpty(state)) return new AuthError.MissingParameter("state");
        if (timeout <= TimeSpan.Zero) return new AuthError.InvalidSettings("The web_message timeout must be positive.");
        return new WebMessageListener(origin, state, now + timeout);
    }

    /// <summary>
    /// A message arrived from <paramref name="origin"/> (the browser's <c>event.origin</c>; null when the host cannot vouch
    /// that the sender is the login's own frame) with the top-level string
    /// fields of its <c>data</c>: the answer when it is this login's, <see cref="WebMessageOutcome.Ignored"/> when it is
    /// not, <see cref="WebMessageOutcome.TimedOut"/> when it came after the deadline.
    /// </summary>
    public WebMessageOutcome Receive(string? origin, IReadOnlyDictionary<string, string?>? data, DateTimeOffset now)
    {
        if (now > Deadline) return new WebMessageOutcome.TimedOut();
        if (data is null || !string.Equals(origin, AuthorizeOrigin, StringComparison.OrdinalIgnoreCase)) return new WebMessageOutcome.Ignored();
        string? Field(string name) => data.TryGetValue(name, out var value) && value is { Length: > 0 and <= MaxValueLength } ? value : null;
        var state = Field("state");
        if (state is null || !Secret.FixedTimeEquals(state, State)) return new WebMessageOutcome.Ignored();
        if (Field("error") is { } error)
            return new WebMessageOutcome.Answered(new CallbackParams.Denied(error, Field("error_description") ?? "", state, null));
        return Field("code") is { } code
            ? new WebMessageOutcome.Answered(new CallbackParams.Granted(code.AsSecret(), state, null))
            : new WebMessageOutcome.Malformed(new AuthError.MissingParameter("code"));
    }

    /// <summary>The host's timer fired at <paramref name="now"/>: timed out once past the deadline, else still waiting.</summary>
    public WebMessageOutcome Expire(DateTimeOffset now) => now > Deadline ? new WebMessageOutcome.TimedOut() : new WebMessageOutcome.Ignored();

    /// <summary>
    /// How long after <paramref name="now"/> the host's timer should fire so that <see cref="Expire"/> answers
    /// <see cref="WebMessageOutcome.TimedOut"/>: just past the deadline, never negative.
    /// </summary>
    public TimeSpan TimerDelay(DateTimeOffset now) =>
        now > Deadline ? TimeSpan.Zero : Deadline - now + TimeSpan.FromMilliseconds(1);
}

/// <summary>What one message (or the timer) means for a <see cref="WebMessageListener"/>.</summary>
public abstract record WebMessageOutcome
{
    private WebMessageOutcome() { }

    /// <summary>Not this login's answer (another sender, another state, not an object): keep waiting.</summary>
    public sealed record Ignored : WebMessageOutcome;

    /// <summary>This login's answer, a code or Wix's error: complete the login with it (<see cref="Flow.LoginEvent.CallbackReceived"/>).</summary>
    public sealed record Answered(CallbackParams Callback) : WebMessageOutcome;

    /// <summary>This login's sender and state, but neither a code nor an error: the login ends with this error.</summary>
    public sealed record Malformed(AuthError Error) : WebMessageOutcome;

    /// <summary>No answer before the deadline: stop listening, remove the frame, the login ends (start again).</summary>
    public sealed record TimedOut : WebMessageOutcome;
}
