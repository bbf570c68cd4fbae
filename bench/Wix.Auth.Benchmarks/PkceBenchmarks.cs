using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Wix.Auth.Benchmarks.Shared;
using Wix.Auth.Core.OAuth;
using static LanguageExt.Prelude;

namespace Wix.Auth.Benchmarks;

/// <summary><c>generateOAuthData</c>: the pure core on fixed entropy, and with the OS random source as a client runs it.</summary>
[MemoryDiagnoser]
public class PkceBenchmarks
{
    private readonly byte[] entropy = RandomNumberGenerator.GetBytes(Pkce.RequiredEntropyBytes);

    [Benchmark(Baseline = true)]
    public OAuthData GenerateOAuthData() =>
        Results.Success(Pkce.GenerateOAuthData(Inputs.RedirectUri, Some(Inputs.OriginalUri), entropy));

    // What WixAuthClient.GenerateOAuthData does, and what the SDK's loop is compared with.
    [Benchmark]
    public OAuthData GenerateOAuthDataWithRandom()
    {
        Span<byte> bytes = stackalloc byte[Pkce.RequiredEntropyBytes];
        RandomNumberGenerator.Fill(bytes);
        return Results.Success(Pkce.GenerateOAuthData(Inputs.RedirectUri, Some(Inputs.OriginalUri), bytes));
    }
}
