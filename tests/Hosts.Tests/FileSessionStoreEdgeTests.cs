using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using Wix.Auth.Core.Flow;
using Wix.Auth.Effects.Ports;
using Wix.Auth.Tests.Hosts.Support;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Tests.Hosts;

/// <summary><c>FileSessionStore</c> under several processes and hostile file systems (issue 15, finding 9).</summary>
public sealed class FileSessionStoreEdgeTests : IDisposable
{
    private readonly TempFolder folder = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Two_processes_writing_at_once_lose_no_key()
    {
        var path = folder.File("tokens.json");
        // A second copy of the effects assembly has its own statics — its own in-process locks — as another process would;
        // the two share only the file system.
        var other = OtherProcessStore(path);
        var here = new FileSessionStore(path);

        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 150; i++) await here.SetAsync($"here-{i}", LoginState.FromTokens(SampleTokens.Member($"h{i}")), Ct); }),
            Task.Run(async () => { for (var i = 0; i < 150; i++) await other($"other-{i}", LoginState.FromTokens(SampleTokens.Member($"o{i}"))); }));

        var lost = Enumerable.Range(0, 150).SelectMany(i => new[] { $"here-{i}", $"other-{i}" })
            .Where(key => here.GetAsync(key, Ct).AsTask().Result is null).ToList();
        Assert.Empty(lost);
    }

    [Fact]
    public async Task A_folder_open_to_others_is_tightened_to_its_owner()
    {
        if (OperatingSystem.IsWindows()) return;
        var shared = Directory.CreateDirectory(folder.File("shared"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute | UnixFileMode.OtherWrite);
        await new FileSessionStore(Path.Combine(shared.FullName, "tokens.json")).SetAsync("a", LoginState.FromTokens(SampleTokens.Member()), Ct);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(shared.FullName));
    }

    [Fact]
    public async Task A_file_with_a_UTF8_byte_order_mark_is_read()
    {
        var path = folder.File("tokens.json");
        await new FileSessionStore(path).SetAsync("a", LoginState.FromTokens(SampleTokens.Member("a")), Ct);
        await File.WriteAllBytesAsync(path, [.. Encoding.UTF8.GetPreamble(), .. await File.ReadAllBytesAsync(path, Ct)], Ct);

        var store = new FileSessionStore(path);
        Assert.Equal(TokenFileCondition.Valid, await store.CheckAsync(Ct));
        Assert.Equal(SampleTokens.Member("a"), (TokenPair?)LanguageExt.Prelude.Optional(await store.GetAsync("a", Ct)).Bind(LoginQueries.TokensOf).Case);
    }

    [Fact]
    public async Task A_second_corruption_keeps_the_first_saved_copy()
    {
        var path = folder.File("tokens.json");
        var store = new FileSessionStore(path);
        await File.WriteAllTextAsync(path, "first damage", Ct);
        await store.SetAsync("a", LoginState.FromTokens(SampleTokens.Member()), Ct);
        await File.WriteAllTextAsync(path, "second damage", Ct);
        await store.SetAsync("a", LoginState.FromTokens(SampleTokens.Member()), Ct);

        Assert.Equal("first damage", await File.ReadAllTextAsync(path + ".corrupt", Ct));
        Assert.Equal("second damage", await File.ReadAllTextAsync(path + ".corrupt.1", Ct));
    }

    [Fact]
    public async Task A_directory_at_the_path_is_a_typed_store_failure()
    {
        var path = folder.File("tokens.json");
        Directory.CreateDirectory(path);
        var store = new FileSessionStore(path);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetAsync("a", Ct).AsTask());
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.SetAsync("a", LoginState.FromTokens(SampleTokens.Member()), Ct).AsTask());
        Assert.True(Directory.Exists(path));
    }

    private static Func<string, LoginState, Task> OtherProcessStore(string path)
    {
        var effects = typeof(FileSessionStore).Assembly.Location;
        var context = new AssemblyLoadContext("other-process", isCollectible: true);
        var type = context.LoadFromAssemblyPath(effects).GetType(typeof(FileSessionStore).FullName!)!;
        Assert.NotSame(typeof(FileSessionStore), type);
        var store = Activator.CreateInstance(type, path, null)!;
        var set = type.GetMethod(nameof(FileSessionStore.SetAsync), BindingFlags.Public | BindingFlags.Instance)!;
        return (key, tokens) => ((ValueTask)set.Invoke(store, [key, tokens, CancellationToken.None])!).AsTask();
    }
}
