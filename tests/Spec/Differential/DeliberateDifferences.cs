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

    /// <summary>
    /// A host that current UTS 46 refuses and Node 20's URL parser (Ada 2.9.2, whose IDNA predates or skips the rule)
    /// accepts. tr46 7.0.0, the URL standard's reference implementation, refuses each as we do (Uts46DifferentialTests),
    /// bar the ZWNJ, where tr46 is in error and RFC 5892 refuses it.
    /// </summary>
    public const string OlderUts46 = "host that current UTS 46 refuses (Unicode 17.0; spec/parsing.md, Host processing): invalid_url (Node 20's URL parser skips parts of the Bidi rule, "
        + "the Unicode 15.1 rule that an xn-- label must decode to non-ASCII, the rule that it must not decode to xn--, and RFC 5892's rule for each ZWNJ)";

    /// <summary>The hosts of <see cref="OlderUts46"/>, each in a URL <c>https://{host}/…</c>.</summary>
    public static readonly IReadOnlyList<string> OlderUts46Hosts =
    [
        // The Bidi rule: a digit first, a left-to-right label with a right-to-left letter, an Arabic digit first, and
        // labels (ASCII or Punycode) that break it in a domain with a right-to-left label.
        "1\u05d0.example", "a\u05d0.example", "\u0661.example", "a-.\u05d0", "1.\u05d0.example", "1.xn--4db.example",
        // Punycode that decodes to ASCII only (UTS 46 for Unicode 15.1), or to a label that starts with xn--.
        "xn--abc-.example", "xn--ss-.example", "xn--xn---3ra.example",
        // A ZWNJ whose neighbours do not join, after one that a virama allows.
        "\u0628\u094d\u200c\u0628\u200c\u0661.example",
    ];

    public static readonly IReadOnlyList<string> All = [Duplicate, TooLong, EmptyValue, ErrorWins, WebMessage, OlderUts46];
}
