using System.Text;
using System.Text.Json.Nodes;
using Wix.Auth.Conformance.CoreAdapter;

// The adapter protocol of spec/conformance.md: one request per line on standard input, one answer per line on standard
// output, until the input ends. Nothing else is written to standard output.
Console.InputEncoding = new UTF8Encoding(false);
using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
while (Console.In.ReadLine() is { } line)
{
    if (line.Length == 0) continue;
    output.WriteLine(CoreFunctions.Answer(JsonNode.Parse(line)!.AsObject()).ToJsonString());
}
