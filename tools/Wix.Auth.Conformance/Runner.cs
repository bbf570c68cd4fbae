using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wix.Auth.Conformance;

/// <summary>Replays the chosen files through one adapter and prints, per file, what passed and what failed.</summary>
public sealed class Runner(RunOptions options, IAdapter adapter, TextWriter output)
{
    // Readable values in the report: non-ASCII and HTML characters as they are (the report is text, not HTML).
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const int ValueLimit = 2000;

    /// <summary>
    /// Runs every case; returns the exit code: 0 when nothing failed and something passed, 1 otherwise, 2 when the adapter
    /// stopped answering.
    /// </summary>
    public int Run()
    {
        var asker = new Asker(adapter, options.Functions);
        var tallies = new List<FileTally>();
        var selected = VectorFiles.All.Where(f => options.Files.Count == 0 || options.Files.Contains(f.Name)).ToList();
        output.WriteLine($"Replaying {string.Join(", ", selected.Select(f => f.Name))} from {options.SpecDirectory} through `{options.AdapterCommand}`");
        foreach (var file in selected)
        {
            var tally = new FileTally(file.Name);
            try
            {
                foreach (var vectorCase in file.Cases(Load(file.Path), Load))
                {
                    try
                    {
                        var (expected, actual) = vectorCase.Run(asker);
                        tally.Add(vectorCase, expected, actual);
                    }
                    catch (NotImplementedByAdapter e)
                    {
                        tally.Skip(e.Function);
                    }
                }
            }
            catch (AdapterGone e)
            {
                // What ran before it stopped still shows (a failure just before a crash is often its cause).
                Report(tally);
                output.WriteLine($"stopped: {e.Message}");
                return 2;
            }
            tallies.Add(tally);
            Report(tally);
        }
        var unknown = options.Files.Count == 0 ? UnknownFiles() : [];
        foreach (var name in unknown) output.WriteLine($"{name}: no cases: the runner does not know this file (add it to tools/Wix.Auth.Conformance)");
        var (passed, failed, skipped) = (tallies.Sum(t => t.Passed), tallies.Sum(t => t.Failures.Count), tallies.Sum(t => t.NotImplemented.Values.Sum()));
        output.WriteLine($"total: {passed} passed, {failed} failed, {skipped} not implemented");
        if (passed == 0) output.WriteLine("No case passed: is the adapter answering?");
        return failed == 0 && passed > 0 && unknown.Count == 0 ? 0 : 1;
    }

    private JsonObject Load(string path)
    {
        var full = Path.Combine(options.SpecDirectory, path);
        if (!File.Exists(full)) throw new FileNotFoundException($"No {full}: run from the repository root, or name the spec directory with --spec.", full);
        return JsonNode.Parse(File.ReadAllText(full))!.AsObject();
    }

    private void Report(FileTally tally)
    {
        output.WriteLine(tally);
        foreach (var (vectorCase, expected, actual) in tally.Failures.Take(options.Show))
        {
            output.WriteLine($"  FAIL {tally.File} {vectorCase.Name} ({vectorCase.Function})");
            output.WriteLine($"    expected: {Text(expected)}");
            output.WriteLine($"    actual:   {Text(actual)}");
            output.WriteLine($"    differs at {JsonDiff.FirstDifference(expected, actual)}");
        }
        if (tally.Failures.Count > options.Show) output.WriteLine($"  … and {tally.Failures.Count - options.Show} more failures of {tally.File} (--show to see more)");
    }

    // Vector files a newer spec may add that this runner has no cases for: a port would otherwise pass without them.
    private List<string> UnknownFiles()
    {
        var vectors = Path.Combine(options.SpecDirectory, "vectors");
        if (!Directory.Exists(vectors)) return [];
        var known = VectorFiles.All.Select(f => f.Path).ToHashSet();
        return [.. Directory.GetFiles(vectors, "*.json").Select(f => $"vectors/{Path.GetFileName(f)}").Where(f => !known.Contains(f)).Order(StringComparer.Ordinal)];
    }

    private static string Text(JsonNode? value)
    {
        var text = value?.ToJsonString(Readable) ?? "null";
        return text.Length <= ValueLimit ? text : text[..ValueLimit] + $"… ({text.Length} characters)";
    }
}
