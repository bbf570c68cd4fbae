using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Wix.Auth.Benchmarks -- --filter '*'          the full suites
// dotnet run -c Release --project bench/Wix.Auth.Benchmarks -- --smoke --filter '*'  one short iteration each
var smoke = args.Contains("--smoke");
var config = smoke ? DefaultConfig.Instance.AddJob(Job.Dry) : DefaultConfig.Instance;
BenchmarkSwitcher.FromAssembly(typeof(Wix.Auth.Benchmarks.PkceBenchmarks).Assembly)
    .Run(args.Where(a => a != "--smoke").ToArray(), config);
