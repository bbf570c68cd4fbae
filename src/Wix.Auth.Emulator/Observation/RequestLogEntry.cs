using System.Text.Json.Nodes;

namespace Wix.Auth.Emulator;

/// <summary>
/// One request as the emulator received it, with every secret value (codes, verifiers, tokens, passwords)
/// replaced by <c>"***"</c> but the body's JSON structure kept, so a test can compare it field for field.
/// </summary>
/// <param name="Sequence">Order of arrival, from 1.</param>
/// <param name="At">When it arrived, by the emulator's clock.</param>
/// <param name="RequestId">The <c>x-wix-request-id</c> it was answered with.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path.</param>
/// <param name="Query">Query string with secret values masked, or empty.</param>
/// <param name="Endpoint">The emulated endpoint, or null for another path.</param>
/// <param name="Detail">The token grant type or the Redirect Session intent (<c>auth</c>/<c>logout</c>), when there is one.</param>
/// <param name="Authorization">Whether <c>Authorization</c> was absent, a bare token or <c>Bearer</c>.</param>
/// <param name="Headers">Headers that matter (lower-case names); <c>authorization</c> and <c>cookie</c> values are masked.</param>
/// <param name="Body">The body as JSON with secret values masked (a form becomes an object of its fields), or null.</param>
/// <param name="BodyLength">Bytes of body read (up to the limit plus one).</param>
/// <param name="Status">The status answered, or null when the connection was dropped or aborted.</param>
/// <param name="Fault">The injected fault that answered it, if any (latency is not listed).</param>
public sealed record RequestLogEntry(
    long Sequence,
    DateTimeOffset At,
    string RequestId,
    string Method,
    string Path,
    string Query,
    EmulatorEndpoint? Endpoint,
    string? Detail,
    AuthorizationKind Authorization,
    IReadOnlyDictionary<string, string> Headers,
    JsonNode? Body,
    int BodyLength,
    int? Status,
    FaultKind? Fault);
