namespace Wix.Auth.Emulator.Tests.Support;

/// <summary>Finds the repository: the nearest folder above the test binaries that holds WixAuthFp.sln.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "WixAuthFp.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No WixAuthFp.sln above {AppContext.BaseDirectory}.");
    }
}
