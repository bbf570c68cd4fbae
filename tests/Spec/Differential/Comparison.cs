using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Parsing;
using static Wix.Auth.Tests.Spec.Differential.DeliberateDifferences;

namespace Wix.Auth.Tests.Spec.Differential;

/// <summary>How one URL's two answers compare: the same, deliberately different (and under which rule), or a disagreement.</summary>
internal sealed record Verdict(bool Agrees, string? Rule, string? Disagreement)
{
    public static readonly Verdict Same = new(true, null, null);

    public static Verdict Deliberate(string rule) => new(true, rule, null);

    public static Verdict Differ(string why) => new(false, null, why);
}

/// <summary>
/// Compares our parse with the SDK's. Representation, not behaviour: the SDK returns null for an absent
/// <c>state</c> or <c>error_description</c> where our <c>Denied</c> holds "", and it does not return <c>iss</c>.
/// </summary>
internal static class Comparison
{
    public static Verdict Compare(string url, string mode, Either<AuthError, CallbackParams> ours, SdkParse sdk) => ours.Match(
        Right: parsed => sdk.Threw ? Verdict.Differ("the SDK threw (new URL rejects it); we parsed it") : CompareParsed(parsed, sdk),
        Left: error => CompareRejected(url, mode, error, sdk));

    private static Verdict CompareParsed(CallbackParams ours, SdkParse sdk) => ours switch
    {
        CallbackParams.Granted g when !string.IsNullOrEmpty(sdk.Error) => Verdict.Differ($"we granted, the SDK has error '{sdk.Error}'"),
        CallbackParams.Granted g => sdk.Code == g.Code.Reveal() && sdk.State == g.State
            ? Verdict.Same
            : Verdict.Differ("code or state differ"),
        CallbackParams.Denied d => sdk.Error == d.Error && (sdk.ErrorDescription ?? "") == d.ErrorDescription && (sdk.State ?? "") == d.State
            ? (string.IsNullOrEmpty(sdk.Code) ? Verdict.Same : Verdict.Deliberate(ErrorWins))
            : Verdict.Differ("error, error_description or state differ"),
        _ => Verdict.Differ($"unknown result {ours.GetType().Name}"),
    };

    private static Verdict CompareRejected(string url, string mode, AuthError error, SdkParse sdk) => error switch
    {
        AuthError.InvalidUrl when sdk.Threw => Verdict.Same,
        AuthError.InvalidUrl => OlderUts46Hosts.Any(host => url.StartsWith($"https://{host}/", StringComparison.Ordinal))
            ? Verdict.Deliberate(OlderUts46)
            : Verdict.Differ("we rejected the URL as invalid; the SDK parsed it"),
        AuthError.UrlTooLong => url.Length > CallbackParser.MaxUrlLength ? Verdict.Deliberate(TooLong) : Verdict.Differ("url_too_long below the limit"),
        AuthError.InvalidSettings when mode == "web_message" => Verdict.Deliberate(WebMessage),
        _ when sdk.Threw => Verdict.Differ($"the SDK threw; we answered {error.Code}"),
        AuthError.DuplicateParameter dup => sdk.All.TryGetValue(dup.Name, out var values) && values.Length > 1
            ? Verdict.Deliberate(Duplicate)
            : Verdict.Differ($"we saw '{dup.Name}' twice; the SDK saw it {sdk.All.GetValueOrDefault(dup.Name)?.Length ?? 0} times"),
        AuthError.MissingParameter missing when !string.IsNullOrEmpty(sdk.Error) => Verdict.Differ($"missing {missing.Name}, but the SDK has error '{sdk.Error}'"),
        AuthError.MissingParameter missing => (missing.Name == "code" ? sdk.Code : sdk.State) switch
        {
            null => Verdict.Same,
            "" => Verdict.Deliberate(EmptyValue),
            var value => Verdict.Differ($"missing {missing.Name}, but the SDK read '{value}'"),
        },
        _ => Verdict.Differ($"we answered {error.Code}; the SDK parsed it"),
    };
}
