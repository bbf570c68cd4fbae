using System.Text.Json.Nodes;
using Wix.Auth.Core.Protocol;
using Wix.Auth.SpecGen.Json;
using Wix.Auth.SpecGen.Outputs;
using Xunit;

namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>member-wire.json replayed through the HTTP layer (MemberAuthHttpApi over a recording handler) and the core's meaning of answers.</summary>
public sealed class MemberWireReplayTests
{
    private static readonly JsonObject File = VectorReader.Load("member-wire.json");

    [Fact]
    public void Every_request_leaves_byte_for_byte_as_the_vector_says()
    {
        var m = new Mismatches("member-wire.json");
        foreach (var v in File["requests"]!.AsArray())
            m.Check(VectorReader.Str(v!, "name"), v!["http"], MemberWireVectors.Send(FormsReader.Request(v["request"]!), VectorReader.Str(File, "baseUrl")));
        m.AssertNone(15);
    }

    [Fact]
    public void Every_answer_is_read_and_means_what_the_vector_says()
    {
        var m = new Mismatches("member-wire.json");
        foreach (var v in File["responses"]!.AsArray())
        {
            var r = new MemberWireVectors.ResponseCase(VectorReader.Str(v!, "name"), VectorReader.Str(v!, "call"), v!["transportFailure"]!.GetValue<bool>(),
                v["status"]?.GetValue<int>(), v["requestId"]?.GetValue<string>(), v["body"]?.GetValue<string>());
            m.Check(r.Name, v["expect"], MemberWireVectors.Read(r));
        }
        m.AssertNone(50);
    }

    [Fact]
    public void Every_kind_of_profile_field_is_sent_by_a_register_and_a_sign_on_vector()
    {
        foreach (var kind in new[] { "Register", "SignOn" })
        {
            var profiles = File["requests"]!.AsArray().Select(r => r!["request"]!).Where(r => VectorReader.Str(r, "kind") == kind)
                .Select(r => r["profile"]).OfType<JsonObject>().ToList();
            bool Has(string list) => profiles.Any(p => p[list]!.AsArray().Count > 0);
            Assert.True(Has("phones") && Has("secondaryEmails") && Has("labels"), kind);
            var addresses = profiles.SelectMany(p => p["addresses"]!.AsArray()).Select(a => a!["address"]!.AsObject()).ToList();
            // A whole address, and one with fields left out (each is sent only when set).
            Assert.Contains(addresses, a => a.All(f => f.Value is not null));
            Assert.Contains(addresses, a => a.Any(f => f.Value is null));
            var values = profiles.SelectMany(p => p["customFields"]!.AsArray()).SelectMany(f => f!.AsObject().Select(x => x.Key)).ToHashSet();
            Assert.Superset(new HashSet<string> { "text", "number", "date" }, values);
        }
    }

    [Fact]
    public void Every_request_kind_has_a_vector_and_every_call_a_transport_failure()
    {
        var kinds = File["requests"]!.AsArray().Select(r => VectorReader.Str(r!["request"]!, "kind")).Distinct().Order(StringComparer.Ordinal);
        var all = typeof(MemberAuthRequest).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(MemberAuthRequest))).Select(t => t.Name).Order(StringComparer.Ordinal);
        Assert.Equal(all, kinds);
        var failed = File["responses"]!.AsArray().Where(r => r!["transportFailure"]!.GetValue<bool>()).Select(r => VectorReader.Str(r!, "call"));
        Assert.Equal(MemberWireVectors.Calls, failed);
        var codes = File["responses"]!.AsArray().Select(r => r!["expect"]!["means"]?["error"]?["code"]?.GetValue<string>()).OfType<string>().ToHashSet();
        foreach (var code in new[] { "wrong_password", "member_not_found", "email_already_exists", "captcha_required", "captcha_invalid", "invalid_email",
                     "invalid_field", "password_rejected", "password_reset_required", "wrong_verification_code", "expired", "permission_denied", "unsupported_state", "remote_call_failed" })
            Assert.Contains(code, codes);
    }
}
