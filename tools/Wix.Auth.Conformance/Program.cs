using Wix.Auth.Conformance;

// Usage: dotnet run --project tools/Wix.Auth.Conformance -- --adapter "<command>" [--file pkce.json] [--function CodeChallenge] …
// (spec/conformance.md). Exit code: 0 all asked cases pass, 1 a case failed or none passed, 2 a usage or adapter problem.
return Cli.Run(args, Console.Out, Console.Error);
