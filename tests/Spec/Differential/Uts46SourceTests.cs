using Wix.Auth.SpecGen.Uts46;
using Wix.Auth.Tests.Shared;
using Xunit;

namespace Wix.Auth.Tests.Spec.Differential;

/// <summary>spec/data/uts46.txt is what the tables of tr46 (tests/js, pinned) generate today.</summary>
public sealed class Uts46SourceTests
{
    [Fact]
    public void The_data_file_is_what_tr46_generates()
    {
        var tr46 = RepoRoot.File("tests", "js", "node_modules", "tr46");
        Assert.True(Directory.Exists(tr46), "tr46 is not installed in tests/js/node_modules: run `npm ci --prefix tests/js`.");
        Assert.True(Uts46DataFile.Write(Tr46Source.Read(tr46)) == File.ReadAllText(RepoRoot.File(Uts46DataFile.Path)),
            $"spec/data/uts46.txt is not what tr46 generates: regenerate with {Uts46DataFile.Command}");
    }
}
