using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance.Files;

/// <summary><c>vectors/pkce.json</c>: <c>CodeChallenge</c> per challenge, <c>GenerateOAuthData</c> per OAuth-data case.</summary>
public sealed class PkceFile : IVectorFile
{
    /// <inheritdoc />
    public string Name => "pkce.json";

    /// <inheritdoc />
    public string Path => "vectors/pkce.json";

    /// <inheritdoc />
    public IEnumerable<VectorCase> Cases(JsonObject file, Func<string, JsonObject> load)
    {
        var challenges = file["challenges"]!.AsArray();
        for (var i = 0; i < challenges.Count; i++)
        {
            var v = challenges[i]!;
            yield return VectorCase.Single($"challenges[{i}] {Label.Of(v["verifier"]!.GetValue<string>())}", Functions.CodeChallenge,
                new JsonObject { ["verifier"] = v["verifier"]!.DeepClone() }, new JsonObject { ["ok"] = v["challenge"]!.DeepClone() }, a => Answer.Outcome(a));
        }
        var data = file["oauthData"]!.AsArray();
        for (var i = 0; i < data.Count; i++)
        {
            var v = data[i]!;
            // The vector's {"errors": […]} is the answer {"error": […]}: every error, in order.
            var expect = v["expect"]!["ok"] is { } ok ? new JsonObject { ["ok"] = ok.DeepClone() } : new JsonObject { ["error"] = v["expect"]!["errors"]!.DeepClone() };
            yield return VectorCase.Single($"oauthData[{i}] {Label.Of(v["redirectUri"]!.GetValue<string>())} {Label.Of(v["originalUri"]?.GetValue<string>())}",
                Functions.GenerateOAuthData, Answer.Without(v, "expect"), expect, a => Answer.Outcome(a));
        }
    }
}
