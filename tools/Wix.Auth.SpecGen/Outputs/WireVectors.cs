using System.Text;
using System.Text.Json.Nodes;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Http;
using Wix.Auth.SpecGen.Cases;
using Wix.Auth.SpecGen.Json;

namespace Wix.Auth.SpecGen.Outputs;

/// <summary>
/// <c>spec/vectors/wire.json</c>: every distinct request the table's effects ask for, as the exact HTTP request the
/// effects layer sends (method, path, the headers that matter, the body byte for byte, as <c>@wix/sdk</c> sends it).
/// </summary>
public static class WireVectors
{
    /// <summary>The file's text.</summary>
    public static string Json(IReadOnlyList<TableRow> rows) => SpecJson.Write(new JsonObject
    {
        ["version"] = SpecJson.Version,
        ["requests"] = SpecJson.Array(Requests(rows).Select(e => (JsonNode?)new JsonObject
        {
            ["effect"] = CoreJson.Effect(e.Effect),
            ["http"] = Http(e.Request),
        })),
    });

    /// <summary>
    /// The request effects of the table, then of the whole scenarios of <c>flows.json</c> (the silent login in the query
    /// is only there), one per distinct request, in that order.
    /// </summary>
    public static IEnumerable<(LoginEffect Effect, WixRequest Request)> Requests(IReadOnlyList<TableRow> rows) =>
        rows.Select(r => r.Result)
            .Concat(FlowVectors.Scenarios().SelectMany(s => FlowRun.Run(s.Events)).Select(step => step.Result))
            .SelectMany(result => result.Match(d => d.Effects.ToArray(), _ => []))
            .Select(e => (Effect: e, Request: RequestOf(e)))
            .Where(x => x.Request is not null)
            .Select(x => (x.Effect, x.Request!))
            .DistinctBy(x => CoreJson.Request(x.Item2).ToJsonString());

    /// <summary>The HTTP request for <paramref name="request"/>, as <see cref="WixHttpApi"/> sends it.</summary>
    public static JsonObject Http(WixRequest request) => new()
    {
        ["method"] = "POST",
        ["path"] = request.Path,
        ["headers"] = new JsonObject
        {
            ["Content-Type"] = "application/json",
            ["Authorization"] = request.Authorization.MatchUnsafe(t => (JsonNode?)t.Reveal(), () => null),
        },
        ["body"] = Encoding.UTF8.GetString(WireBody.Serialize(request)),
    };

    private static WixRequest? RequestOf(LoginEffect effect) => effect switch
    {
        LoginEffect.ObtainVisitorTokens e => e.Request,
        LoginEffect.CreateLoginSession e => e.Request,
        LoginEffect.ExchangeCode e => e.Request,
        LoginEffect.RefreshTokens e => e.Request,
        LoginEffect.CreateLogoutSession e => e.Request,
        _ => null,
    };
}
