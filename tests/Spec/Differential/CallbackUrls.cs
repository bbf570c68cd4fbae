using FsCheck;
using FsCheck.Fluent;
using Wix.Auth.Core.Parsing;
using Wix.Auth.SpecGen.Cases;

namespace Wix.Auth.Tests.Spec.Differential;

/// <summary>
/// FsCheck generators of callback URLs, biased toward the corners where two decoders part: the protocol's
/// names (and near misses), <c>+</c>, escapes good and bad, non-ASCII, empty values, duplicates, tabs and
/// newlines, <c>?</c> and <c>#</c> in odd places, invalid URLs, and lengths around the limit.
/// </summary>
internal static class CallbackUrls
{
    // Pieces, not chars, so that no generated string holds a lone surrogate (JSON could not carry it to Node intact).
    private static readonly string[] Alphabet =
        ["a", "b", "Z", "0", "9", "-", "_", ".", "~", "%", "+", "&", "=", "#", "?", "/", ";", " ", "\t", "\n", "\r", "%2", "%41", "%C3", "%A9",
         "%E2%9C%93", "%FF", "%zz", "%00", "é", "✓", "😀", "\u0000", "\u007f", "\u00a0", "\\"];

    private static readonly string[] ProtocolNames = ["code", "state", "error", "error_description", "iss"];

    private static Gen<string> Text(int max) =>
        Gen.Choose(0, max).SelectMany(n => Gen.Elements(Alphabet).ArrayOf(n)).Select(string.Concat);

    private static readonly Gen<string> Name = Gen.Frequency<string>(
        (8, Gen.Elements(ProtocolNames)), (3, Gen.Elements<string>(UrlPieces.Names)), (1, Text(6)));

    private static readonly Gen<string> Value = Gen.Frequency<string>(
        (4, Gen.Elements<string>(UrlPieces.Values)), (4, Text(12)), (1, Gen.Constant("")));

    private static readonly Gen<string> Pair = Gen.Frequency<string>(
        (9, Name.SelectMany(n => Value, (n, v) => $"{n}={v}")), (1, Name));

    private static readonly Gen<string> Parameters = Gen.Frequency<string>(
        (6, Pair.ArrayOf().Select(ps => string.Join("&", ps))),
        (2, Gen.Elements<string>(UrlPieces.ParameterStrings)),
        (1, Text(20)));

    private static readonly Gen<string> Prefix = Gen.Frequency<string>((8, Gen.Constant(UrlPieces.Base)), (3, Gen.Elements<string>(UrlPieces.Prefixes)));

    private static readonly Gen<string> Url = Gen.Frequency<string>(
        (5, Prefix.SelectMany(p => Parameters, (p, q) => $"{p}#{q}")),
        (5, Prefix.SelectMany(p => Parameters, (p, q) => $"{p}?{q}")),
        (2, Prefix.SelectMany(p => Parameters, (p, q) => (p, q)).SelectMany(_ => Parameters, (pq, f) => $"{pq.p}?{pq.q}#{f}")),
        (1, Gen.Choose(CallbackParser.MaxUrlLength - 80, CallbackParser.MaxUrlLength + 80)
            .SelectMany(n => Parameters, (n, q) => Long($"{UrlPieces.Base}#{q}&code=", n))));

    /// <summary><paramref name="count"/> URLs with a response mode, always the same ones (fixed seed).</summary>
    public static IReadOnlyList<(string Url, string Mode)> Sample(int count) =>
        Url.SelectMany(_ => Gen.Elements("fragment", "query"), (u, m) => (u, m))
            .Sample(count, new Rnd(20260101UL), 30);

    /// <summary>Verifiers of RFC 7636's alphabet and lengths, fixed seed.</summary>
    public static IReadOnlyList<string> Verifiers(int count) =>
        Gen.Choose(43, 128).SelectMany(n => Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".ToCharArray()).ArrayOf(n))
            .Select(cs => new string(cs))
            .Sample(count, new Rnd(7636UL), 30);

    private static string Long(string head, int length) => head.Length >= length ? head : head + new string('a', length - head.Length);
}
