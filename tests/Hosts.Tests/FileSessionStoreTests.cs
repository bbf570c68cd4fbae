using System.Text;
using System.Text.Json;
using Wix.Auth.Core.Flow;
using Wix.Auth.Tests.Hosts.Support;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Tests.Hosts;

public sealed class FileSessionStoreTests : IDisposable
{
    private readonly TempFolder folder = new();
    private static CancellationToken Ct => CancellationToken.None;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Tokens_survive_a_new_store_over_the_same_file()
    {
        var path = folder.File("nested", "tokens.json");
        Assert.Equal(TokenFileCondition.Missing, await new FileSessionStore(path).CheckAsync(Ct));
        Assert.True((await new FileSessionStore(path).GetAsync("a", Ct)) is null);

        await new FileSessionStore(path).SetAsync("a", LoginState.FromTokens(SampleTokens.Member("a")), Ct);
        await new FileSessionStore(path).SetAsync("b", LoginState.FromTokens(SampleTokens.Member("b")), Ct);

        var reopened = new FileSessionStore(path);
        Assert.Equal(TokenFileCondition.Valid, await reopened.CheckAsync(Ct));
        Assert.Equal(SampleTokens.Member("a"), (TokenPair?)LanguageExt.Prelude.Optional(await reopened.GetAsync("a", Ct)).Bind(LoginQueries.TokensOf).Case);
        Assert.Equal(SampleTokens.Member("b"), (TokenPair?)LanguageExt.Prelude.Optional(await reopened.GetAsync("b", Ct)).Bind(LoginQueries.TokensOf).Case);

        await reopened.ClearAsync("a", Ct);
        Assert.True((await new FileSessionStore(path).GetAsync("a", Ct)) is null);
        Assert.True((await new FileSessionStore(path).GetAsync("b", Ct)) is not null);
    }

    [Fact]
    public async Task A_write_replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        var path = folder.File("tokens.json");
        var store = new FileSessionStore(path);
        await store.SetAsync("a", LoginState.FromTokens(SampleTokens.Member("old")), Ct);

        // A reader holding the old file keeps reading the old, complete content: the new file was moved over it,
        // not written into it.
        await using var oldReader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        await store.SetAsync("a", LoginState.FromTokens(SampleTokens.Member("new")), Ct);

        using var oldText = new StreamReader(oldReader, Encoding.UTF8);
        var old = await oldText.ReadToEndAsync(Ct);
        Assert.Contains("access-old", old);
        JsonDocument.Parse(old).Dispose();
        Assert.Contains("access-new", await File.ReadAllTextAsync(path, Ct));
        // Beside the file: only the lock file that writers of all processes take turns on.
        Assert.Equal(["tokens.json", "tokens.json.lock"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task The_file_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = folder.File("config", "wix-auth", "tokens.json");

        await new FileSessionStore(path).SetAsync("a", LoginState.FromTokens(SampleTokens.Member()), Ct);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task A_file_that_was_open_to_others_is_replaced_by_an_owner_only_one()
    {
        if (OperatingSystem.IsWindows()) return;
        var path = folder.File("tokens.json");
        await new FileSessionStore(path).SetAsync("a", LoginState.FromTokens(SampleTokens.Member()), Ct);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await new FileSessionStore(path).SetAsync("a", LoginState.FromTokens(SampleTokens.Member("2")), Ct);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{\"version\":1}")]
    public async Task A_corrupt_file_counts_as_empty_and_is_kept_until_the_next_write(string content)
    {
        var path = folder.File("tokens.json");
        await File.WriteAllTextAsync(path, content, Ct);
        var store = new FileSessionStore(path);

        Assert.Equal(TokenFileCondition.Corrupt, await store.CheckAsync(Ct));
        Assert.True((await store.GetAsync("a", Ct)) is null);
        await store.ClearAsync("a", Ct);
        Assert.Equal(content, await File.ReadAllTextAsync(path, Ct));

        await store.SetAsync("a", LoginState.FromTokens(SampleTokens.Member()), Ct);

        Assert.Equal(TokenFileCondition.Valid, await store.CheckAsync(Ct));
        Assert.Equal(SampleTokens.Member(), (TokenPair?)LanguageExt.Prelude.Optional(await store.GetAsync("a", Ct)).Bind(LoginQueries.TokensOf).Case);
        Assert.Equal(content, await File.ReadAllTextAsync(path + ".corrupt", Ct));
    }

    [Fact]
    public async Task An_entry_with_missing_fields_counts_as_no_tokens()
    {
        var path = folder.File("tokens.json");
        await File.WriteAllTextAsync(path, """{"version":1,"sessions":{"a":{"refreshToken":"r","role":"Member"}}}""", Ct);

        Assert.True((await new FileSessionStore(path).GetAsync("a", Ct)) is null);
    }

    [Fact]
    public async Task Concurrent_writers_in_one_process_lose_nothing()
    {
        var path = folder.File("tokens.json");
        var stores = new[] { new FileSessionStore(path), new FileSessionStore(path) };

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(
            async () => await stores[i % 2].SetAsync($"session-{i}", LoginState.FromTokens(SampleTokens.Member(i.ToString())), Ct), Ct)));

        var reopened = new FileSessionStore(path);
        for (var i = 0; i < 40; i++)
            Assert.Equal(SampleTokens.Member(i.ToString()), (TokenPair?)LanguageExt.Prelude.Optional(await reopened.GetAsync($"session-{i}", Ct)).Bind(LoginQueries.TokensOf).Case);
    }

    [Fact]
    public void The_default_path_follows_XDG_CONFIG_HOME()
    {
        var before = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        try
        {
            Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", folder.Path);
            Assert.Equal(folder.File("wix-auth", "tokens.json"), FileSessionStore.DefaultPath());
            Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", null);
            Assert.EndsWith(Path.Combine("wix-auth", "tokens.json"), FileSessionStore.DefaultPath());
        }
        finally
        {
            Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", before);
        }
    }

    [Fact]
    public async Task A_token_file_of_the_old_format_still_loads_and_is_rewritten_as_snapshots()
    {
        var path = folder.File("tokens.json");
        // Exactly what FileSessionStore wrote before session snapshots: version 1, a bare token pair per session.
        await File.WriteAllTextAsync(path, """
            {
              "version": 1,
              "sessions": {
                "a": { "accessToken": "access-1", "accessTokenExpiresAt": "2026-11-29T05:00:00+00:00", "refreshToken": "refresh-1", "role": "Member" }
              }
            }
            """, Ct);
        var store = new FileSessionStore(path);

        Assert.Equal(LoginState.FromTokens(SampleTokens.Member()), (await store.GetAsync("a", Ct)));
        await store.SetAsync("b", LoginState.Initial, Ct);
        using var rewritten = JsonDocument.Parse(await File.ReadAllTextAsync(path, Ct));
        Assert.Equal(2, rewritten.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(LoginState.FromTokens(SampleTokens.Member()), (await new FileSessionStore(path).GetAsync("a", Ct)));
    }
}
