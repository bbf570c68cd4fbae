using System.Text.Json.Nodes;
using Wix.Auth.Conformance;

namespace Wix.Auth.Tests.Spec.Conformance;

/// <summary>An in-process adapter whose answers a test writes: each request line to <paramref name="answer"/>, the answer back.</summary>
internal sealed class ScriptedAdapter(Func<JsonObject, JsonNode> answer) : IAdapter
{
    public string Exchange(string requestLine) => answer(JsonNode.Parse(requestLine)!.AsObject()).ToJsonString();

    public void Dispose()
    {
    }
}
