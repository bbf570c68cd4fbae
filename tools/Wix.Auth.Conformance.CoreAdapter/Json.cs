using System.Text.Json.Nodes;
using LanguageExt;
using Wix.Auth.Core.Protocol;
using static LanguageExt.Prelude;

namespace Wix.Auth.Conformance.CoreAdapter;

/// <summary>Reading plain values out of a request's JSON; a missing field is a <see cref="FormatException"/> naming it.</summary>
internal static class Json
{
    public static string Str(JsonNode json, string name) =>
        json[name]?.GetValue<string>() ?? throw new FormatException($"'{name}' is missing in {json.ToJsonString()}");

    public static Option<string> OptStr(JsonNode json, string name) => Optional(json[name]?.GetValue<string>());

    public static Seq<string> Strings(JsonNode json) => json.AsArray().Select(s => s!.GetValue<string>()).ToSeq().Strict();

    public static ResponseMode Mode(string wire) => wire switch
    {
        "fragment" => ResponseMode.Fragment,
        "query" => ResponseMode.Query,
        "web_message" => ResponseMode.WebMessage,
        _ => throw new FormatException($"Unknown responseMode '{wire}'."),
    };

    public static Prompt Prompt(string wire) => wire switch
    {
        "login" => Core.Protocol.Prompt.Login,
        "none" => Core.Protocol.Prompt.None,
        _ => throw new FormatException($"Unknown prompt '{wire}'."),
    };
}
