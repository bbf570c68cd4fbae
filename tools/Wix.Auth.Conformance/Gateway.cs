using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance;

/// <summary>
/// <c>x-wix-bi-gateway</c> as a port must send it (wire.md): the parts of <c>http.gateway</c> in its order, the port's own
/// value where the vector has null, exactly the vector's value elsewhere. Both sides are written in one form, own values
/// as <c>&lt;yours&gt;</c>, so a wrong header shows which part is wrong.
/// </summary>
public static class Gateway
{
    private const string Yours = "<yours>";

    /// <summary>The form of the header <paramref name="parts"/> describes: <c>environment=&lt;yours&gt;,…,entity=…</c>.</summary>
    public static string Expected(JsonObject parts) => string.Join(",", parts.Select(p => $"{p.Key}={p.Value?.GetValue<string>() ?? Yours}"));

    /// <summary>
    /// <paramref name="header"/> in the same form: each own part with a non-empty value becomes <c>&lt;yours&gt;</c>; a header
    /// with other parts, or in another order, is returned as it is.
    /// </summary>
    public static string Read(string? header, JsonObject parts)
    {
        if (header is null) return "<no x-wix-bi-gateway header>";
        var sent = header.Split(',').Select(p => p.Split('=', 2)).ToList();
        if (sent.Count != parts.Count || sent.Any(p => p.Length != 2) || !sent.Select(p => p[0]).SequenceEqual(parts.Select(p => p.Key))) return header;
        return string.Join(",", sent.Zip(parts, (s, p) => $"{s[0]}={(p.Value is null && s[1].Length > 0 ? Yours : s[1])}"));
    }
}
