using System.Text.Json.Nodes;
using Wix.Auth.Conformance.CoreAdapter;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Protocol;
using Wix.Auth.SpecGen.Cases;
using Wix.Auth.SpecGen.Json;
using Xunit;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>Replays <c>spec/vectors/queries.json</c> through the core's host queries.</summary>
public sealed class QueryReplayTests
{
    private static readonly JsonObject File = VectorReader.Load("queries.json");

    [Fact]
    public void Every_identity_provider_vector_matches_Offered()
    {
        var m = new Mismatches("queries.json");
        foreach (var v in File["identityProviders"]!.AsArray())
        {
            var offered = LanguageExt.Prelude.toSeq(v!["offered"]!.AsArray().Select(o => o!.GetValue<string>()));
            var name = VectorReader.Str(v, "name");
            m.Check(name, v["expect"], CoreJson.Outcome(IdentityProvider.Offered(name, offered), p => JsonValue.Create(p.Id)));
        }
        m.AssertNone(8);
    }

    [Fact]
    public void Every_same_origin_vector_matches_NeedsSameOriginStart()
    {
        var m = new Mismatches("queries.json");
        foreach (var v in File["sameOriginStart"]!.AsArray())
            m.Check(v!.ToJsonString(), v["expect"], LoginQueries.NeedsSameOriginStart(Prompt(v), v["social"]!.GetValue<bool>()));
        m.AssertNone(4);
    }

    [Fact]
    public void Every_replace_vector_matches_MayReplaceSession()
    {
        var m = new Mismatches("queries.json");
        foreach (var v in File["replaceSession"]!.AsArray())
            m.Check(v!.ToJsonString(), v["expect"], LoginQueries.MayReplaceSession(Prompt(v), v["hasMemberSession"]!.GetValue<bool>(),
                VectorReader.OptStr(v, "sessionMember"), VectorReader.OptStr(v, "loggedInMember")));
        m.AssertNone(24);
    }

    [Fact]
    public void Every_verification_age_vector_matches_CheckVerificationAge()
    {
        var m = new Mismatches("queries.json");
        foreach (var v in File["verificationAge"]!.AsArray())
        {
            var settings = new MemberFormSettings { VerificationTtl = TimeSpan.FromSeconds(v!["verificationTtlSeconds"]!.GetValue<double>()) };
            var result = MemberFormQueries.CheckVerificationAge(settings, SpecJson.ReadInstant(VectorReader.Str(v, "issuedAt")), SpecJson.ReadInstant(VectorReader.Str(v, "now")));
            m.Check(v.ToJsonString(), v["expect"], JsonValue.Create(result.Match(_ => "good", e => e.Code)));
        }
        m.AssertNone(6);
    }

    // The callback queries, the settings check and the reset mail's outcome take an error, settings or a form state as the
    // schema writes them: the adapter's reader (the C# port's half of the conformance kit) reads them back, and the answer's
    // "ok" (or "error") is compared.
    [Theory]
    [InlineData("whyLoginFailed", "WhyLoginFailed", 8)]
    [InlineData("keepsLoginTicket", "KeepsLoginTicket", 12)]
    [InlineData("endsQuietly", "EndsQuietly", 24)]
    [InlineData("failures", "ClassifyFailure", 25)]
    [InlineData("emails", "CheckEmail", 16)]
    [InlineData("repeat", "AllowsAnotherAttempt", 36)]
    [InlineData("mailOutcome", "MailOutcome", 17)]
    [InlineData("retryDelay", "RetryDelay", 14)]
    public void Every_callback_query_vector_matches_the_core(string section, string function, int count)
    {
        var m = new Mismatches("queries.json");
        var vectors = File[section]!.AsArray();
        Assert.Equal(count, vectors.Count);
        foreach (var v in vectors)
            m.Check(v!.ToJsonString(), v["expect"], function is "CheckEmail" or "MailOutcome" ? Ask(function, v) : Ask(function, v)["ok"]);
        m.AssertNone(count);
    }

    [Fact]
    public void Every_settings_vector_matches_Validate()
    {
        var m = new Mismatches("queries.json");
        foreach (var v in File["settings"]!.AsArray().Select(v => v!))
        {
            var answer = Ask("ValidateSettings", v);
            m.Check(v.ToJsonString(), v["expect"], answer["error"] is JsonArray errors ? new JsonObject { ["errors"] = errors.DeepClone() } : answer.DeepClone());
        }
        m.AssertNone(13);
    }

    private static JsonObject Ask(string function, JsonNode vector) => CoreFunctions.Answer(new JsonObject
    {
        ["fn"] = function,
        ["args"] = new JsonObject(vector.AsObject().Where(p => p.Key != "expect").Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))),
    });

    private static Prompt Prompt(JsonNode v) => VectorReader.Str(v, "prompt") == "none" ? Core.Protocol.Prompt.None : Core.Protocol.Prompt.Login;
}
