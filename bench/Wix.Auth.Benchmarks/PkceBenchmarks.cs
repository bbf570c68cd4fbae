using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Wix.Auth.Benchmarks.Shared;
using Wix.Auth.Core.OAuth;
using static LanguageExt.Prelude;

namespace Wix.Auth.Benchmarks;

/// <summary>
/// <c>generateOAuthData</c> against its floor (<see cref="OAuthFloor"/>: the OS random source, SHA-256 of the verifier, the
/// encodings), each part of the floor alone, the pure core on fixed entropy, and the whole with a per-thread buffered
/// CSPRNG instead of the OS source. The ratio column is each method against the floor.
/// </summary>
[MemoryDiagnoser]
public class PkceBenchmarks
{
    private static readonly BufferedEntropy Buffered = new();
    private readonly byte[] entropy = RandomNumberGenerator.GetBytes(Pkce.RequiredEntropyBytes);
    private readonly string verifier = Base64Url.Encode(RandomNumberGenerator.GetBytes(Pkce.VerifierEntropyBytes));

    [Benchmark(Baseline = true)]
    public int Floor() => OAuthFloor.Compute();

    [Benchmark]
    public int FloorOsRandom80Bytes() => OAuthFloor.OsRandom();

    [Benchmark]
    public int FloorSha256OfVerifier() => OAuthFloor.Sha256(verifier);

    [Benchmark]
    public int FloorEncodings() => OAuthFloor.Encodings(entropy);

    // What WixAuthClient.GenerateOAuthData does, and what the SDK's loop is compared with.
    [Benchmark]
    public OAuthData GenerateOAuthDataWithRandom()
    {
        Span<byte> bytes = stackalloc byte[Pkce.RequiredEntropyBytes];
        RandomNumberGenerator.Fill(bytes);
        return Results.Success(Pkce.GenerateOAuthData(Inputs.RedirectUri, Some(Inputs.OriginalUri), bytes));
    }

    [Benchmark]
    public OAuthData GenerateOAuthData() =>
        Results.Success(Pkce.GenerateOAuthData(Inputs.RedirectUri, Some(Inputs.OriginalUri), entropy));

    [Benchmark]
    public OAuthData GenerateOAuthDataWithBufferedRandom()
    {
        Span<byte> bytes = stackalloc byte[Pkce.RequiredEntropyBytes];
        Buffered.Fill(bytes);
        return Results.Success(Pkce.GenerateOAuthData(Inputs.RedirectUri, Some(Inputs.OriginalUri), bytes));
    }
}
