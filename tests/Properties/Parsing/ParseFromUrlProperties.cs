using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Tests.Properties.Parsing;

public sealed class ParseFromUrlProperties
{
    private static readonly string[] ProtocolNames = ["code", "state", "error", "error_description", "iss"];

    private static readonly Gen<string> Piece = Gen.Elements(
        "code", "state", "error", "error_description", "iss", "%63ode", "st%61te", "x", "co+de", "",
        "a", "+", "%", "%2", "%20", "%2B", "%zz", "%E2%82%AC", "%FF", "%C3", "€", "é", "\uD83D\uDE00", "\uD800", "=", "?", " ", "access_denied", "ABC123-_.~");

    private static readonly Gen<string> Pair =
        from nameLength in Gen.Choose(1, 3)
        from name in Piece.ArrayOf(nameLength)
        from valueLength in Gen.Choose(0, 3)
        from value in Piece.ArrayOf(valueLength)
        from hasEquals in Gen.Elements(true, true, false)
        select string.Concat(name) + (hasEquals ? "=" + string.Concat(value) : "");

    private static readonly Gen<string> Component =
        from count in Gen.Choose(0, 6)
        from pairs in Pair.ArrayOf(count)
        select string.Join("&", pairs);

    // Any input, however broken, gets one of the parser's documented answers and never an exception: a refusal with a
    // code of the parser's own, web_message refused whatever the URL (bar the two checks that come before it), a grant
    // with a code and a state, a denial with an error.
    [Property(MaxTest = 2000)]
    public Property Any_string_gets_a_documented_answer() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), Gen.Elements(ResponseMode.Fragment, ResponseMode.Query, ResponseMode.WebMessage).ToArbitrary(),
            (url, mode) => AssertDocumentedAnswer(url, mode));

    [Property(MaxTest = 2000)]
    public Property Url_like_strings_get_a_documented_answer() =>
        Prop.ForAll((from prefix in Gen.Elements("https://a.example/cb", "http:x", "myapp:", "http://[::1", "https://a:99999", "", " \t")
                     from separator in Gen.Elements("#", "?", "?#", "#?")
                     from component in Component
                     from mode in Gen.Elements(ResponseMode.Fragment, ResponseMode.Query, ResponseMode.WebMessage)
                     select (prefix + separator + component, mode)).ToArbitrary(),
            input => AssertDocumentedAnswer(input.Item1, input.Item2));

    private static readonly string[] ParserCodes = ["invalid_url", "url_too_long", "invalid_settings", "duplicate_parameter", "missing_parameter"];

    private static void AssertDocumentedAnswer(string? url, ResponseMode mode)
    {
        var result = CallbackParser.ParseFromUrl(url, mode);
        var webMessageRefused = url is not null && url.Length <= CallbackParser.MaxUrlLength && mode == ResponseMode.WebMessage;
        result.Match(
            p =>
            {
                Assert.False(webMessageRefused);
                if (p is CallbackParams.Granted g) Assert.False(g.Code.IsEmpty || g.State.Length == 0);
                else Assert.NotEmpty(Assert.IsType<CallbackParams.Denied>(p).Error);
            },
            e =>
            {
                Assert.Contains(e.Code, ParserCodes);
                Assert.Equal(webMessageRefused, e.Code == "invalid_settings");
            });
    }

    [Property(MaxTest = 3000)]
    public Property Agrees_with_the_reference_decoder_in_both_modes() =>
        Prop.ForAll(Component.ToArbitrary(), Gen.Elements(ResponseMode.Fragment, ResponseMode.Query).ToArbitrary(), (component, mode) =>
        {
            var url = "https://a.example/cb" + (mode == ResponseMode.Query ? "?" : "#") + component;
            // The URL parser strips trailing spaces (and C0 controls) off the whole URL, so off its last component too;
            // URLSearchParams(string), which reads the fragment, drops one leading '?'.
            var read = component.TrimEnd(' ');
            if (mode == ResponseMode.Fragment && read.StartsWith('?')) read = read[1..];
            Assert.Equal(Expected(ReferenceDecoder.Parse(read)), Describe(CallbackParser.ParseFromUrl(url, mode)));
        });

    // What the parser must answer, derived from the reference pairs by the documented rules.
    private static string Expected(List<(string Name, string Value)> pairs)
    {
        // The parameter named is the first protocol parameter to appear a second time, in URL order.
        var seen = new System.Collections.Generic.HashSet<string>();
        var duplicate = pairs.Select(p => p.Name).FirstOrDefault(n => ProtocolNames.Contains(n) && !seen.Add(n));
        if (duplicate is not null) return "duplicate_parameter:" + duplicate;
        string? Get(string name) => pairs.Where(p => p.Name == name).Select(p => p.Value).FirstOrDefault();
        var (code, state, error) = (Get("code"), Get("state"), Get("error"));
        if (!string.IsNullOrEmpty(error)) return $"denied:{error}|{Get("error_description") ?? ""}|{state ?? ""}|{Get("iss")}";
        if (string.IsNullOrEmpty(code)) return "missing_parameter:code";
        if (string.IsNullOrEmpty(state)) return "missing_parameter:state";
        return $"granted:{code}|{state}|{Get("iss")}";
    }

    private static string Describe(Either<AuthError, CallbackParams> result) => result.Match(
        p => p switch
        {
            CallbackParams.Granted g => $"granted:{g.Code.Reveal()}|{g.State}|{g.Issuer}",
            CallbackParams.Denied d => $"denied:{d.Error}|{d.ErrorDescription}|{d.State}|{d.Issuer}",
            _ => "?",
        },
        e => e switch
        {
            AuthError.DuplicateParameter d => "duplicate_parameter:" + d.Name,
            AuthError.MissingParameter m => "missing_parameter:" + m.Name,
            _ => e.Code,
        });
}
