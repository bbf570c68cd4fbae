namespace Wix.Auth.Tests.Spec.Differential;

/// <summary>
/// Where our <c>ParseFromUrl</c> deliberately answers differently from <c>@wix/sdk</c> 1.21.16's
/// <c>parseFromUrl</c>, each with the rule behind it. spec/README.md lists the same; nothing else may differ.
/// </summary>
internal static class DeliberateDifferences
{
    /// <summary>A protocol parameter present twice is rejected; the SDK takes the first.</summary>
    public const string Duplicate = "duplicate protocol parameter: rejected (RFC 6749 §3.1: parameters MUST NOT be included more than once)";

    /// <summary>A URL longer than the documented limit is rejected before parsing.</summary>
    public const string TooLong = "URL longer than CallbackParser.MaxUrlLength (8192): rejected (this implementation's limit)";

    /// <summary>An empty code or state is an error; the SDK returns "" and fails later, in getMemberTokens.</summary>
    public const string EmptyValue = "empty code or state: missing_parameter (the SDK returns \"\" and throws later, in getMemberTokens)";

    /// <summary>With both <c>error</c> and <c>code</c>, the response is an error response; the SDK returns both.</summary>
    public const string ErrorWins = "error and code both present: an error response, the code is dropped (RFC 6749 §4.1.2.1: an error response carries no code)";

    /// <summary>web_message results arrive by postMessage; the SDK would read the fragment.</summary>
    public const string WebMessage = "responseMode web_message: invalid_settings (such results never arrive in a URL; the SDK reads the fragment)";

    public static readonly IReadOnlyList<string> All = [Duplicate, TooLong, EmptyValue, ErrorWins, WebMessage];
}
