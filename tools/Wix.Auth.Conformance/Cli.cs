using System.Globalization;

namespace Wix.Auth.Conformance;

/// <summary>The command line: options in, the report out, an exit code back.</summary>
public static class Cli
{
    /// <summary>What <c>--help</c> prints.</summary>
    public const string Usage = """
        usage: dotnet run --project tools/Wix.Auth.Conformance -- --adapter "<command>" [options]

          --adapter "<command>"  the port's adapter, started through the shell; it answers JSON lines (spec/conformance.md)
          --spec <directory>     the spec directory (default: spec, from the current directory)
          --file <name>          replay only this file (pkce.json, parse.json, transitions.json, flows.json, wire.json,
                                 http.json, queries.json, scenarios.json); repeat for several
          --function <name>      ask only this function (e.g. CodeChallenge); the others count as not implemented; repeat
          --show <n>             failures shown per file, with expected and actual (default 10)
          --timeout <seconds>    how long to wait for one answer (default 10)
        """;

    /// <summary>Runs the command line <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        RunOptions options;
        try
        {
            options = Parse(args);
        }
        catch (FormatException e)
        {
            error.WriteLine(e.Message);
            error.WriteLine(Usage);
            return 2;
        }
        if (options.Help)
        {
            output.WriteLine(Usage);
            return 0;
        }
        try
        {
            using var adapter = ProcessAdapter.Start(options.AdapterCommand!, options.Timeout);
            return new Runner(options, adapter, output).Run();
        }
        catch (AdapterGone e)
        {
            error.WriteLine($"stopped: {e.Message}");
            return 2;
        }
    }

    /// <summary>The options of <paramref name="args"/>; a <see cref="FormatException"/> says what is wrong.</summary>
    public static RunOptions Parse(string[] args)
    {
        var options = new RunOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--adapter": options = options with { AdapterCommand = Value() }; break;
                case "--spec": options = options with { SpecDirectory = Value() }; break;
                case "--file": options = options with { Files = [.. options.Files, Value()] }; break;
                case "--function": options = options with { Functions = [.. options.Functions, Value()] }; break;
                case "--show": options = options with { Show = Number(Value(), "--show") }; break;
                case "--timeout": options = options with { Timeout = TimeSpan.FromSeconds(Number(Value(), "--timeout")) }; break;
                case "--help" or "-h": return options with { Help = true };
                default: throw new FormatException($"Unknown argument '{args[i]}'.");
            }
        }
        if (string.IsNullOrWhiteSpace(options.AdapterCommand)) throw new FormatException("--adapter is required.");
        var unknown = options.Files.Except(VectorFiles.Names).ToList();
        if (unknown.Count > 0) throw new FormatException($"Unknown file {string.Join(", ", unknown)}; the files are {string.Join(", ", VectorFiles.Names)}.");
        var functions = options.Functions.Except(Functions.All).ToList();
        if (functions.Count > 0) throw new FormatException($"Unknown function {string.Join(", ", functions)}; the functions are {string.Join(", ", Functions.All)}.");
        return options;
    }

    private static int Number(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new FormatException($"{option} needs a positive whole number, not '{text}'.");
}
