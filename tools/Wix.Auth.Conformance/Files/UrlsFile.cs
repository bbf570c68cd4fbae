using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance.Files;

/// <summary>
/// <c>vectors/urls.json</c>: <c>IsValidRedirectUri</c> per redirect URI, <c>OriginOf</c> per URL, <c>CheckReturnUrl</c>
/// per return URL of each table (with the table's redirect URI and allowed origins), <c>IsOrigin</c> per allowed origin.
/// </summary>
public sealed class UrlsFile : IVectorFile
{
    /// <inheritdoc />
    public string Name => "urls.json";

    /// <inheritdoc />
    public string Path => "vectors/urls.json";

    /// <inheritdoc />
    public IEnumerable<VectorCase> Cases(JsonObject file, Func<string, JsonObject> load)
    {
        var redirectUris = file["redirectUris"]!.AsArray();
        for (var i = 0; i < redirectUris.Count; i++)
        {
            var v = redirectUris[i]!;
            yield return VectorCase.Single($"redirectUris[{i}] {Label.Of(v["uri"]!.GetValue<string>())}", Functions.IsValidRedirectUri,
                new JsonObject { ["uri"] = v["uri"]!.DeepClone() }, new JsonObject { ["ok"] = v["valid"]!.DeepClone() }, a => Answer.Outcome(a));
        }
        var urlOrigins = file["urlOrigins"]!.AsArray();
        for (var i = 0; i < urlOrigins.Count; i++)
        {
            var v = urlOrigins[i]!;
            yield return VectorCase.Single($"urlOrigins[{i}] {Label.Of(v["url"]!.GetValue<string>())}", Functions.OriginOf,
                new JsonObject { ["url"] = v["url"]!.DeepClone() }, new JsonObject { ["ok"] = v["origin"]?.DeepClone() }, a => Answer.Outcome(a));
        }
        var tables = file["returnUrls"]!.AsArray();
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t]!;
            var cases = table["cases"]!.AsArray();
            for (var i = 0; i < cases.Count; i++)
            {
                var c = cases[i]!;
                var args = new JsonObject { ["url"] = c["url"]!.DeepClone(), ["redirectUri"] = table["redirectUri"]?.DeepClone(), ["allowedOrigins"] = table["allowedOrigins"]!.DeepClone() };
                // The file names an error by its code alone.
                var expected = c["expect"]!["error"] is { } code ? new JsonObject { ["error"] = new JsonObject { ["code"] = code.DeepClone() } } : c["expect"]!.DeepClone();
                yield return VectorCase.Single($"returnUrls[{t}].cases[{i}] {Label.Of(c["url"]!.GetValue<string>())}", Functions.CheckReturnUrl, args, expected,
                    a => Answer.Outcome(a, Answer.CodeOnly));
            }
        }
        var allowed = file["allowedOrigins"]!.AsArray();
        for (var i = 0; i < allowed.Count; i++)
        {
            var o = allowed[i]!;
            yield return VectorCase.Single($"allowedOrigins[{i}] {Label.Of(o["origin"]!.GetValue<string>())}", Functions.IsOrigin,
                new JsonObject { ["origin"] = o["origin"]!.DeepClone() }, new JsonObject { ["ok"] = o["valid"]!.DeepClone() }, a => Answer.Outcome(a));
        }
    }
}
