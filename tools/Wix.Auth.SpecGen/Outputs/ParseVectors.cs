using System.Text.Json.Nodes;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.SpecGen.Cases;
using Wix.Auth.SpecGen.Json;

namespace Wix.Auth.SpecGen.Outputs;

/// <summary><c>spec/vectors/parse.json</c>: callback URL + response mode → parsed result or typed error.</summary>
public static class ParseVectors
{
    /// <summary>One input.</summary>
    public sealed record ParseCase(string Url, ResponseMode Mode);

    /// <summary>The file's text.</summary>
    public static string Json() => SpecJson.Write(new JsonObject
    {
        ["version"] = SpecJson.Version,
        ["maxUrlLength"] = CallbackParser.MaxUrlLength,
        ["cases"] = SpecJson.Array(Cases().Select(c => (JsonNode?)new JsonObject
        {
            ["url"] = c.Url,
            ["responseMode"] = c.Mode.ToWire(),
            ["expect"] = CoreJson.Outcome(CallbackParser.ParseFromUrl(c.Url, c.Mode), CoreJson.Callback),
        })),
    });

    /// <summary>Every case: each parameter string in the fragment and in the query, read in both modes; whole-URL corners; random mixes.</summary>
    public static IReadOnlyList<ParseCase> Cases()
    {
        var cases = new List<ParseCase>();
        foreach (var p in UrlPieces.ParameterStrings)
            foreach (var url in new[] { $"{UrlPieces.Base}#{p}", $"{UrlPieces.Base}?{p}" })
                cases.AddRange([new(url, ResponseMode.Fragment), new(url, ResponseMode.Query)]);
        foreach (var prefix in UrlPieces.Prefixes)
            foreach (var mode in new[] { ResponseMode.Fragment, ResponseMode.Query })
                cases.Add(new($"{prefix}{(mode == ResponseMode.Query ? (prefix.Contains('?') ? "&" : "?") : "#")}code=abc&state=xyz", mode));
        cases.AddRange(WholeUrls());
        cases.AddRange(Uts46Hosts.All.Select(host => new ParseCase($"https://{host}/cb#code=abc&state=xyz", ResponseMode.Fragment)));
        var random = new Random(3986);
        for (var i = 0; i < 120; i++) cases.Add(RandomCase(random));
        return cases;
    }

    private static IEnumerable<ParseCase> WholeUrls()
    {
        var b = UrlPieces.Base;
        yield return new("", ResponseMode.Fragment);
        yield return new($"{b}?code=q&state=q#code=f&state=f", ResponseMode.Fragment);
        yield return new($"{b}?code=q&state=q#code=f&state=f", ResponseMode.Query);
        yield return new($"{b}#?code=abc&state=xyz", ResponseMode.Fragment);
        yield return new($"{b}??code=abc&state=xyz", ResponseMode.Query);
        yield return new($"{b}#x?code=abc&state=xyz", ResponseMode.Fragment);
        yield return new($"{b}#??code=abc&state=xyz", ResponseMode.Fragment);
        yield return new($"{b}#code=abc&state=xyz?", ResponseMode.Fragment);
        yield return new($"{b}#code=abc&state=xyz", ResponseMode.WebMessage);
        // The query is only after a '?': pairs in the path are not read.
        yield return new($"{b}&code=abc&state=xyz", ResponseMode.Query);
        yield return new($"{b}&code=abc&state=xyz#x", ResponseMode.Query);
        // URLs that end with their authority (nothing after the host), for each kind of scheme.
        foreach (var url in new[] { "https://shop.example", "http://256.1.1.1", "file://shop.example", "file://C:", "file://h:1", "file://", "file:", "file:/",
                     "myapp://callback", "myapp://[::1]", "myapp://[::1", "myapp://h:99999", "myapp://", "myapp:" })
            yield return new(url, ResponseMode.Fragment);
        yield return new($"{b}#", ResponseMode.Fragment);
        yield return new($"{b}?", ResponseMode.Query);
        yield return new($"  {b}#code=abc&state=xyz \u0000", ResponseMode.Fragment);
        yield return new($"{b}#code=abc&state=xyz\u0001", ResponseMode.Fragment);
        yield return new($"{b}#code=abc&state=xyz" + new string('\t', 10), ResponseMode.Fragment);
        var state = "&state=xyz";
        foreach (var length in new[] { 2048, CallbackParser.MaxUrlLength, CallbackParser.MaxUrlLength + 1, 20000 })
        {
            var head = $"{b}#code=";
            var code = new string('a', Math.Max(1, length - head.Length - state.Length));
            yield return new(head + code + state, ResponseMode.Fragment);
        }
        yield return new($"{b}#code={string.Concat(Enumerable.Repeat("%E2%9C%93", 500))}&state=xyz", ResponseMode.Fragment);

        // The limit counts UTF-16 code units of the URL as given, before trimming: an emoji is 2, an é 1.
        foreach (var extra in new[] { 0, 1 })
        {
            var head = $"{b}#state=xyz&code=";
            var emoji = (CallbackParser.MaxUrlLength - head.Length) / 2;
            var fill = head + string.Concat(Enumerable.Repeat("😀", emoji));
            yield return new(fill + new string('é', CallbackParser.MaxUrlLength - fill.Length + extra), ResponseMode.Fragment);
            var spaced = $"{new string(' ', 10)}{b}#state=xyz&code=";
            yield return new(spaced + new string('a', CallbackParser.MaxUrlLength - spaced.Length + extra), ResponseMode.Fragment);
        }

        // Which refusal wins: too long before web_message before an invalid URL before a duplicate before an error
        // response before a missing code before a missing state.
        yield return new("not a url", ResponseMode.WebMessage);
        yield return new($"{b}#code=" + new string('a', CallbackParser.MaxUrlLength), ResponseMode.WebMessage);
        yield return new("not a url#code=a&code=b", ResponseMode.Fragment);
        yield return new($"{b}#error=access_denied&error=x&code=abc", ResponseMode.Fragment);
        yield return new($"{b}#error=access_denied&state=", ResponseMode.Fragment);
        yield return new($"{b}#error_description=only", ResponseMode.Fragment);
        yield return new($"{b}#code=abc&state=&state=", ResponseMode.Fragment);
        yield return new($"{b}#iss=&iss=", ResponseMode.Fragment);
    }

    private static ParseCase RandomCase(Random random)
    {
        string Pick(IReadOnlyList<string> list) => list[random.Next(list.Count)];
        var pairs = Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(5) == 0 ? Pick(UrlPieces.Names) : $"{Pick(UrlPieces.Names)}={Pick(UrlPieces.Values)}");
        var mode = random.Next(2) == 0 ? ResponseMode.Fragment : ResponseMode.Query;
        var separator = mode == ResponseMode.Query ? "?" : "#";
        return new($"{UrlPieces.Base}{separator}{string.Join("&", pairs)}", mode);
    }
}
