namespace Wix.Auth.Tests.Shared;

/// <summary>The repository root: the nearest directory above the test binaries that holds <c>WixAuthFp.sln</c>.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    /// <summary>A path below the root.</summary>
    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "WixAuthFp.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No WixAuthFp.sln above {AppContext.BaseDirectory}.");
    }
}
