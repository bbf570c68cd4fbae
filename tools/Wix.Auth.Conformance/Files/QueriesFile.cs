using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance.Files;

/// <summary><c>vectors/queries.json</c>: one function per section, the vector's fields but <c>expect</c> as its arguments.</summary>
public sealed class QueriesFile : IVectorFile
{
    /// <inheritdoc />
    public string Name => "queries.json";

    /// <inheritdoc />
    public string Path => "vectors/queries.json";

    /// <inheritdoc />
    public IEnumerable<VectorCase> Cases(JsonObject file, Func<string, JsonObject> load) =>
    [
        .. Section(file, "identityProviders", Functions.IdentityProvider, e => e.DeepClone(), a => Answer.Outcome(a)),
        .. Section(file, "sameOriginStart", Functions.NeedsSameOriginStart, e => new JsonObject { ["ok"] = e.DeepClone() }, a => Answer.Outcome(a)),
        .. Section(file, "replaceSession", Functions.MayReplaceSession, e => new JsonObject { ["ok"] = e.DeepClone() }, a => Answer.Outcome(a)),
        // "good", or the code of the error: the answer is {"ok": true} or {"error": {code, …}}, of which the code is compared.
        .. Section(file, "verificationAge", Functions.CheckVerificationAge,
            e => e.GetValue<string>() == "good" ? new JsonObject { ["ok"] = true } : new JsonObject { ["error"] = new JsonObject { ["code"] = e.DeepClone() } },
            a => Answer.Outcome(a, Answer.CodeOnly)),
        .. Section(file, "whyLoginFailed", Functions.WhyLoginFailed, e => new JsonObject { ["ok"] = e.DeepClone() }, a => Answer.Outcome(a)),
        .. Section(file, "keepsLoginTicket", Functions.KeepsLoginTicket, e => new JsonObject { ["ok"] = e.DeepClone() }, a => Answer.Outcome(a)),
        .. Section(file, "endsQuietly", Functions.EndsQuietly, e => new JsonObject { ["ok"] = e.DeepClone() }, a => Answer.Outcome(a)),
        // {"ok": true}, or {"errors": [error…]} whose list is the answer's error: every problem, in order, each by its code.
        .. Section(file, "settings", Functions.ValidateSettings,
            e => e["errors"] is JsonArray errors ? new JsonObject { ["error"] = errors.DeepClone() } : e.DeepClone(),
            a => Answer.Outcome(a)),
        .. Section(file, "failures", Functions.ClassifyFailure, e => new JsonObject { ["ok"] = e.DeepClone() }, a => Answer.Outcome(a)),
        // {"ok": address} or {"error": {code}}: only an error's code is compared.
        .. Section(file, "emails", Functions.CheckEmail, e => e.DeepClone(), a => Answer.Outcome(a, Answer.CodeOnly)),
        .. Section(file, "repeat", Functions.AllowsAnotherAttempt, e => new JsonObject { ["ok"] = e.DeepClone() }, a => Answer.Outcome(a)),
        .. Section(file, "mailOutcome", Functions.MailOutcome, e => e.DeepClone(), a => Answer.Outcome(a)),
        .. Section(file, "retryDelay", Functions.RetryDelay, e => new JsonObject { ["ok"] = e.DeepClone() }, a => Answer.Outcome(a)),
    ];

    private static IEnumerable<VectorCase> Section(JsonObject file, string section, string function, Func<JsonNode, JsonNode> expected, Func<JsonObject, JsonNode?> project)
    {
        var vectors = file[section]!.AsArray();
        for (var i = 0; i < vectors.Count; i++)
        {
            var args = Answer.Without(vectors[i]!, "expect");
            yield return VectorCase.Single($"{section}[{i}] {Label.Of(args.ToJsonString())}", function, args, expected(vectors[i]!["expect"]!), project);
        }
    }
}
