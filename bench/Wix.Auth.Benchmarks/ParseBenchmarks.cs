using BenchmarkDotNet.Attributes;
using Wix.Auth.Benchmarks.Shared;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Benchmarks;

/// <summary>
/// <c>parseFromUrl</c> on the four kinds of callback. The target is no allocation beyond the result: its strings
/// (code, state; or error, description, state) and the result record itself.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    [Benchmark(Baseline = true)]
    public CallbackParams FragmentSuccess() => Results.Right(CallbackParser.ParseFromUrl(Inputs.FragmentSuccess, ResponseMode.Fragment));

    [Benchmark]
    public CallbackParams QuerySuccess() => Results.Right(CallbackParser.ParseFromUrl(Inputs.QuerySuccess, ResponseMode.Query));

    [Benchmark]
    public CallbackParams FragmentError() => Results.Right(CallbackParser.ParseFromUrl(Inputs.FragmentError, ResponseMode.Fragment));

    [Benchmark]
    public CallbackParams QueryError() => Results.Right(CallbackParser.ParseFromUrl(Inputs.QueryError, ResponseMode.Query));
}
