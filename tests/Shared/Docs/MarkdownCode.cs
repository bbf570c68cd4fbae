using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Wix.Auth.Tests.Shared.Docs;

/// <summary>
/// A C# block of a Markdown file, exactly as printed, and how it is compiled: as a whole top-level program of a new
/// console project (the default), of a new web project (<c>&lt;!-- compile: web --&gt;</c> on the line before), or
/// as the lines after <c>var builder = WebApplication.CreateBuilder(args);</c> (<c>&lt;!-- compile: web-builder --&gt;</c>),
/// or as a class library of a MAUI app (<c>&lt;!-- compile: maui-stand-in --&gt;</c>), against <see cref="MauiStandIn"/>.
/// </summary>
internal sealed record CodeBlock(string File, int Line, string Kind, string Code)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>Extracts C# blocks from Markdown and compiles them with Roslyn against the assemblies the tests run with.</summary>
internal static partial class MarkdownCode
{
    // What a new project's SDK imports implicitly (ImplicitUsings): a block gets these and its own usings, nothing else.
    private static readonly string[] ConsoleUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly string[] WebUsings =
    [
        .. ConsoleUsings, "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>Every <c>```csharp</c> block of <paramref name="relativePath"/> (from the repository root).</summary>
    public static IReadOnlyList<CodeBlock> Blocks(string relativePath)
    {
        var lines = System.IO.File.ReadAllLines(RepoRoot.File(relativePath.Split('/')));
        var blocks = new List<CodeBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp") continue;
            var kind = i > 0 && Marker().Match(lines[i - 1]) is { Success: true } m ? m.Groups[1].Value : "console";
            var end = System.Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            blocks.Add(new CodeBlock(relativePath, i + 1, kind, string.Join('\n', lines[(i + 1)..end])));
            i = end;
        }
        return blocks;
    }

    /// <summary>The block compiled as its kind says; the assembly, or every error and warning.</summary>
    public static (Assembly? Assembly, IReadOnlyList<string> Problems) Compile(CodeBlock block)
    {
        var (usings, code) = block.Kind switch
        {
            "console" or "maui-stand-in" => (ConsoleUsings, block.Code),
            "web" => (WebUsings, block.Code),
            "web-builder" => (WebUsings, SplitUsings(block.Code, "var builder = WebApplication.CreateBuilder(args);")),
            _ => throw new InvalidOperationException($"{block}: unknown compile marker '{block.Kind}'."),
        };
        var globalUsings = string.Join('\n', usings.Select(u => $"global using {u};"));
        var maui = block.Kind == "maui-stand-in";
        SyntaxTree[] trees =
        [
            CSharpSyntaxTree.ParseText(globalUsings, Parse), CSharpSyntaxTree.ParseText(code, Parse, path: block.ToString()),
            .. maui ? [CSharpSyntaxTree.ParseText(MauiStandIn.Source, Parse, path: "MauiStandIn")] : System.Array.Empty<SyntaxTree>(),
        ];
        var compilation = CSharpCompilation.Create(
            "Block_" + Guid.NewGuid().ToString("N"),
            trees,
            References.Value,
            new CSharpCompilationOptions(maui ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();
        return (emitted.Success ? Assembly.Load(image.ToArray()) : null, problems);
    }

    private static CSharpParseOptions Parse => new(LanguageVersion.Latest);

    // The block's own usings stay on top; the lines that make the block's context go after them.
    private static string SplitUsings(string code, string context)
    {
        var lines = code.Split('\n');
        var usings = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || l.Length == 0).Count();
        return string.Join('\n', [.. lines[..usings], context, .. lines[usings..]]);
    }

    // The framework (ASP.NET Core's too, when the tests run on it) and every assembly beside the tests: what a project
    // referencing the packages compiles against.
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        return [.. framework.Concat(local)
            .Where(IsManaged)
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private static bool IsManaged(string path)
    {
        try { AssemblyName.GetAssemblyName(path); return true; }
        catch (BadImageFormatException) { return false; }
    }

    [GeneratedRegex(@"^<!--\s*compile:\s*([\w-]+)\s*-->$")]
    private static partial Regex Marker();
}
