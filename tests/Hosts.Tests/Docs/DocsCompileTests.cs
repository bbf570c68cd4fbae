using Wix.Auth.Tests.Shared;
using Wix.Auth.Tests.Shared.Docs;

namespace Wix.Auth.Tests.Hosts.Docs;

/// <summary>Every C# block of the README and of docs/ compiles exactly as printed, with only what the block imports.</summary>
public sealed class DocsCompileTests
{
    public static TheoryData<string> Files() =>
        [.. new[] { "README.md" }.Concat(Directory.GetFiles(RepoRoot.File("docs"), "*.md").Select(f => "docs/" + Path.GetFileName(f)))];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_csharp_block_compiles_as_printed(string file)
    {
        foreach (var block in MarkdownCode.Blocks(file))
        {
            var (assembly, problems) = MarkdownCode.Compile(block);
            Assert.True(assembly is not null && problems.Count == 0, $"{block} does not compile as printed:\n{string.Join('\n', problems)}");
        }
    }

    [Fact]
    public void The_quickstart_is_a_whole_program_without_LanguageExt()
    {
        var quickstart = MarkdownCode.Blocks("README.md")[0];
        Assert.Equal("console", quickstart.Kind);
        Assert.DoesNotContain("LanguageExt", quickstart.Code);
    }

    [Fact]
    public void The_maui_block_compiles_against_the_stand_in_and_only_because_of_it()
    {
        var block = Assert.Single(MarkdownCode.Blocks("docs/native.md"), b => b.Kind == "maui-stand-in");
        Assert.Empty(MarkdownCode.Compile(block).Problems);

        // Without the stand-in nothing supplies Microsoft.Maui: the block is not compiled against anything else by accident.
        var (assembly, problems) = MarkdownCode.Compile(block with { Kind = "console" });
        Assert.Null(assembly);
        Assert.Contains(problems, p => p.Contains("CS0234", StringComparison.Ordinal) && p.Contains("'Maui'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_block_that_does_not_compile_is_reported_with_its_place()
    {
        var (assembly, problems) = MarkdownCode.Compile(new CodeBlock("README.md", 1, "console", "var client = new WixAuthClient();"));
        Assert.Null(assembly);
        Assert.Contains(problems, p => p.Contains("README.md:1") && p.Contains("CS0246"));
    }

    [Fact]
    public void Every_combination_of_the_libraries_usings_compiles_the_registration()
    {
        string[] namespaces = ["Wix.Auth.AspNetCore", "Wix.Auth", "Wix.Auth.Effects.Ports", "Microsoft.Extensions.DependencyInjection"];
        for (var mask = 0; mask < 1 << namespaces.Length; mask++)
        {
            var usings = string.Concat(namespaces.Where((_, i) => (mask & (1 << i)) != 0).Select(n => $"using {n};\n"));
            var code = usings + """
                var services = new ServiceCollection();
                services.AddWixAuth(o => o.ClientId = "id").AddAspNetCore().AddRedis("localhost:6379").AddDistributedCacheStores();
                services.AddWixAuth(o => o.ClientId = "id").AddFileSessionStore();
                services.AddHttpClient("wix").AddWixMemberTokens();
                """;
            var (assembly, problems) = MarkdownCode.Compile(new CodeBlock("combination", mask, "web", code));
            Assert.True(assembly is not null, $"with {usings}:\n{string.Join('\n', problems)}");
        }
    }
}
