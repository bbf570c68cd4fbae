using System.Text.RegularExpressions;
using Wix.Auth.Core.Flow;
using Wix.Auth.Tests.Shared;

namespace Wix.Auth.Tests.Unit.Architecture;

/// <summary>The core does no I/O: it references nothing but the BCL and LanguageExt, and names no clock, randomness or HTTP.</summary>
public sealed partial class CorePurityTests
{
    private static readonly string CoreFolder = Path.Combine(RepoRoot.Path, "src", "Wix.Auth.Core");

    [Fact]
    public void Core_references_only_the_bcl_and_languageext()
    {
        var references = typeof(LoginFlow).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.Contains("LanguageExt.Core", references);
        Assert.All(references, name => Assert.True(name == "LanguageExt.Core" || name.StartsWith("System", StringComparison.Ordinal),
            $"Wix.Auth.Core references {name}"));
    }

    [Fact]
    public void Core_project_has_no_other_package_or_project_reference()
    {
        var project = File.ReadAllText(Path.Combine(CoreFolder, "Wix.Auth.Core.csproj"));
        Assert.Equal(["LanguageExt.Core"], PackageReference().Matches(project).Select(m => m.Groups[1].Value).ToArray());
        Assert.DoesNotContain("ProjectReference", project);
    }

    [Fact]
    public void Core_sources_name_no_io_clock_or_randomness()
    {
        var sources = Directory.EnumerateFiles(CoreFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToArray();
        Assert.NotEmpty(sources);
        var offences = sources.SelectMany(file => Forbidden().Matches(StripComments(File.ReadAllText(file)))
                .Select(m => $"{Path.GetFileName(file)}: {m.Value}"))
            .ToArray();
        Assert.Empty(offences);
    }

    [Fact]
    public void The_forbidden_list_catches_what_it_should() =>
        Assert.Equal(7, Forbidden().Matches("async Task<int> F() { var r = new Random(); DateTime.UtcNow; DateTime.Now; RandomNumberGenerator.Fill(b); new HttpClient(); }").Count);

    // Doc comments may say "random bytes"; only code counts.
    private static string StripComments(string source) => Comment().Replace(source, "");

    [GeneratedRegex(@"\b(async|await|Task|ValueTask|HttpClient|DateTime\.Now|DateTime\.UtcNow|DateTimeOffset\.Now|DateTimeOffset\.UtcNow|Random|RandomNumberGenerator|Guid\.NewGuid|Environment|File|Console|Thread)\b")]
    private static partial Regex Forbidden();

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex Comment();

    [GeneratedRegex(@"<PackageReference\s+Include=""([^""]+)""")]
    private static partial Regex PackageReference();
}
