using Wix.Auth.Tests.Shared;

namespace Wix.Auth.Tests.Hosts.Architecture;

/// <summary>
/// What the packages promise, read from the <c>PublicAPI</c> files the analyzers keep in step with the code: LanguageExt is
/// the core's own language, and a host's user never meets it.
/// </summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> HostPackages => ["Wix.Auth.Effects", "Wix.Auth.AspNetCore", "Wix.Auth.Blazor", "Wix.Auth.Native"];

    [Theory]
    [MemberData(nameof(HostPackages))]
    public void No_LanguageExt_type_appears_in_the_public_api_of_a_package_outside_the_core(string project)
    {
        var declared = DeclaredApi(project);

        Assert.NotEmpty(declared);
        Assert.DoesNotContain(declared, line => line.Contains("LanguageExt", StringComparison.Ordinal));
    }

    [Fact]
    public void The_core_is_where_LanguageExt_lives_so_the_check_reads_real_declarations()
    {
        // The same reading of the core's files finds it: the check above cannot pass by reading nothing.
        Assert.Contains(DeclaredApi("Wix.Auth.Core"), line => line.Contains("LanguageExt.Option<", StringComparison.Ordinal));
    }

    private static List<string> DeclaredApi(string project) =>
        [.. new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" }
            .SelectMany(file => File.ReadAllLines(RepoRoot.File("src", project, file)))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))];
}
