using System.Collections.Concurrent;
using System.Text.Json;
using LanguageExt;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Snapshots;

namespace Wix.Auth.Effects.Storage;

/// <summary>
/// Tokens in a JSON file, for console and desktop apps: one file holds the state of any number of session keys
/// (versioned snapshots; a file of the old format, bare token pairs, still loads and is rewritten in the new one).
/// Writes are atomic (a temporary file in the same folder, flushed, then moved over the old one), so a crash leaves
/// the old file or the new one; on Unix the file is created readable by its owner only (0600) and its folder 0700.
/// </summary>
/// <remarks>
/// Safe for concurrent use within a process (all stores of one path share a lock). Two processes writing at once do
/// not corrupt the file, but one's change can replace the other's. A file that cannot be read counts as empty
/// (<see cref="TokenFileCondition.Corrupt"/>) and is moved aside, not silently lost, on the next write.
/// </remarks>
public sealed class FileTokenStore : ITokenStore
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;

    // One lock per full path, so two stores over the same file in this process never interleave a read-modify-write.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim gate;
    private readonly ILogger logger;

    /// <summary>A store over <paramref name="path"/>, or over <see cref="DefaultPath"/> when it is null.</summary>
    public FileTokenStore(string? path = null, ILogger<FileTokenStore>? logger = null)
    {
        Path = System.IO.Path.GetFullPath(path ?? DefaultPath());
        gate = Locks.GetOrAdd(Path, _ => new SemaphoreSlim(1, 1));
        this.logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>
    /// <c>$XDG_CONFIG_HOME/wix-auth/tokens.json</c>, else the user's configuration folder (<c>~/.config</c> on Linux and
    /// macOS, <c>%APPDATA%</c> on Windows) + <c>wix-auth/tokens.json</c>.
    /// </summary>
    public static string DefaultPath()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
        var root = !string.IsNullOrEmpty(xdg) && System.IO.Path.IsPathFullyQualified(xdg) ? xdg
            : OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData)
            : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return System.IO.Path.Combine(root, "wix-auth", "tokens.json");
    }

    /// <summary>Reads the file and says what it found, without changing anything.</summary>
    public async ValueTask<TokenFileCondition> CheckAsync(CancellationToken cancellationToken = default) =>
        (await LockedAsync(ReadAsync, cancellationToken).ConfigureAwait(false)).Condition;

    /// <inheritdoc />
    public async ValueTask<Option<LoginState>> GetAsync(string sessionKey, CancellationToken cancellationToken)
    {
        var file = await LockedAsync(ReadAsync, cancellationToken).ConfigureAwait(false);
        return file.Sessions.TryGetValue(sessionKey, out var dto) ? SessionSnapshots.ToState(dto) : None;
    }

    /// <inheritdoc />
    public ValueTask SetAsync(string sessionKey, LoginState state, CancellationToken cancellationToken) =>
        LockedAsync(async ct =>
        {
            var file = await ReadAsync(ct).ConfigureAwait(false);
            if (file.Condition == TokenFileCondition.Corrupt) MoveAside();
            file.Sessions[sessionKey] = SessionSnapshots.From(state);
            await WriteAsync(file.Sessions, ct).ConfigureAwait(false);
            return unit;
        }, cancellationToken).AsUnitTask();

    /// <inheritdoc />
    public ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken) =>
        LockedAsync(async ct =>
        {
            // A corrupt file is left for the next SetAsync to move aside: clearing must not destroy what cannot be read.
            var file = await ReadAsync(ct).ConfigureAwait(false);
            if (file.Condition == TokenFileCondition.Valid && file.Sessions.Remove(sessionKey))
                await WriteAsync(file.Sessions, ct).ConfigureAwait(false);
            return unit;
        }, cancellationToken).AsUnitTask();

    private sealed record FileContents(TokenFileCondition Condition, Dictionary<string, SessionSnapshot> Sessions);

    private async ValueTask<T> LockedAsync<T>(Func<CancellationToken, ValueTask<T>> action, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await action(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async ValueTask<FileContents> ReadAsync(CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(Path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new(TokenFileCondition.Missing, new(StringComparer.Ordinal));
        }

        try
        {
            var dto = JsonSerializer.Deserialize(bytes, StorageJsonContext.Default.TokenFileDto);
            if (dto?.Sessions is { } sessions) return new(TokenFileCondition.Valid, new(sessions, StringComparer.Ordinal));
            StorageLog.CorruptTokenFile(logger, Path, "no sessions");
        }
        catch (JsonException e)
        {
            // The exception's message can quote the file's content; only its position is logged.
            StorageLog.CorruptTokenFile(logger, Path, $"invalid JSON at line {e.LineNumber}");
        }
        return new(TokenFileCondition.Corrupt, new(StringComparer.Ordinal));
    }

    private async ValueTask WriteAsync(Dictionary<string, SessionSnapshot> sessions, CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, OwnerOnlyFolder);

        var temporary = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, TemporaryFileOptions()))
            {
                await JsonSerializer.SerializeAsync(stream, new TokenFileDto { Sessions = sessions }, StorageJsonContext.Default.TokenFileDto, cancellationToken)
                    .ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static FileStreamOptions TemporaryFileOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        return options;
    }

    private void MoveAside()
    {
        var aside = Path + ".corrupt";
        File.Move(Path, aside, overwrite: true);
        StorageLog.CorruptTokenFileMovedAside(logger, aside);
    }
}

/// <summary>Turns the store's unit-returning locked operations into plain <see cref="ValueTask"/>s.</summary>
file static class ValueTaskExtensions
{
    public static async ValueTask AsUnitTask(this ValueTask<Unit> task) => await task.ConfigureAwait(false);
}
