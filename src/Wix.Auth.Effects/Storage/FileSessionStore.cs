using System.Collections.Concurrent;
using System.Text.Json;
using LanguageExt;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Wix.Auth.Effects.Ports;
using static LanguageExt.Prelude;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Snapshots;

namespace Wix.Auth;

/// <summary>
/// Tokens in a JSON file, for console and desktop apps: one file holds the state of any number of session keys
/// (versioned snapshots; a file of the old format, bare token pairs, still loads and is rewritten in the new one).
/// Writes are atomic (a temporary file in the same folder, flushed, then moved over the old one), so a crash leaves
/// the old file or the new one; on Unix the file is created readable by its owner only (0600) and its folder is made
/// 0700, also when it already existed with wider permissions.
/// </summary>
/// <remarks>
/// Safe for concurrent use within a process (all stores of one path share a lock) and across processes: every
/// read-modify-write holds an exclusive lock on <c>{path}.lock</c>, waited for at most <see cref="LockTimeout"/>. A file
/// that cannot be read counts as empty (<see cref="TokenFileCondition.Corrupt"/>) and is moved aside, not silently lost,
/// on the next write — to <c>{path}.corrupt</c>, or <c>.corrupt.1</c> … when that is taken, so the first damaged copy is
/// kept. A UTF-8 byte order mark is accepted. A path the store cannot use (a directory, no permission) is reported as
/// <see cref="StoreUnavailableException"/>.
/// </remarks>
public sealed class FileSessionStore : ISessionStore
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;
    private const int MaxCorruptCopies = 10;

    /// <summary>The longest a write waits for another process's write to the same file.</summary>
    public static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(10);

    // One lock per full path, so two stores over the same file in this process never interleave a read-modify-write.
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Locks = new(StringComparer.Ordinal);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private readonly SemaphoreSlim gate;
    private readonly ILogger logger;

    /// <summary>A store over <paramref name="path"/>, or over <see cref="DefaultPath"/> when it is null.</summary>
    public FileSessionStore(string? path = null, ILogger<FileSessionStore>? logger = null)
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
    public async ValueTask<LoginState?> GetAsync(string sessionKey, CancellationToken cancellationToken)
    {
        var file = await LockedAsync(ReadAsync, cancellationToken).ConfigureAwait(false);
        return file.Sessions.TryGetValue(sessionKey, out var dto) ? SessionSnapshots.ToState(dto).Case as LoginState : null;
    }

    /// <inheritdoc />
    public ValueTask SetAsync(string sessionKey, LoginState state, CancellationToken cancellationToken) =>
        LockedForWriteAsync(async ct =>
        {
            var file = await ReadAsync(ct).ConfigureAwait(false);
            if (file.Condition == TokenFileCondition.Corrupt) MoveAside();
            file.Sessions[sessionKey] = SessionSnapshots.From(state);
            await WriteAsync(file.Sessions, ct).ConfigureAwait(false);
            return unit;
        }, cancellationToken).AsUnitTask();

    /// <inheritdoc />
    public ValueTask ClearAsync(string sessionKey, CancellationToken cancellationToken) =>
        LockedForWriteAsync(async ct =>
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"use the token file ({e.GetType().Name})", e);
        }
        finally
        {
            gate.Release();
        }
    }

    // Other processes: an exclusive lock on a file beside the token file (flock on Unix, a share lock on Windows) for the
    // whole read-modify-write, since the atomic move alone lets one process's write replace another's.
    private ValueTask<T> LockedForWriteAsync<T>(Func<CancellationToken, ValueTask<T>> action, CancellationToken cancellationToken) =>
        LockedAsync(async ct =>
        {
            PrepareFolder();
            await using var held = await AcquireFileLockAsync(ct).ConfigureAwait(false);
            return await action(ct).ConfigureAwait(false);
        }, cancellationToken);

    private async ValueTask<FileStream> AcquireFileLockAsync(CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        using var patience = new CancellationTokenSource(LockTimeout);
        for (; ; await Task.Delay(Random.Shared.Next(5, 25), cancellationToken).ConfigureAwait(false))
        {
            try
            {
                return new FileStream(Path + ".lock", options);
            }
            catch (IOException) when (!patience.IsCancellationRequested && !Directory.Exists(Path + ".lock"))
            {
                // Another process holds it.
            }
        }
    }

    private void PrepareFolder()
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }
        Directory.CreateDirectory(folder, OwnerOnlyFolder);
        // CreateDirectory leaves an existing folder as it was: one others could read or write is tightened.
        if ((File.GetUnixFileMode(folder) & ~OwnerOnlyFolder) != 0) File.SetUnixFileMode(folder, OwnerOnlyFolder);
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
            // Editors on Windows write a UTF-8 byte order mark, which the JSON reader refuses.
            var json = bytes.AsSpan().StartsWith(Utf8Bom) ? bytes.AsSpan(Utf8Bom.Length) : bytes.AsSpan();
            var dto = JsonSerializer.Deserialize(json, StorageJsonContext.Default.TokenFileDto);
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
        // The first damaged copy is the one worth keeping; later ones take the next free name, the last is reused.
        var aside = Enumerable.Range(0, MaxCorruptCopies).Select(i => Path + (i == 0 ? ".corrupt" : $".corrupt.{i}"))
            .FirstOrDefault(candidate => !File.Exists(candidate)) ?? Path + $".corrupt.{MaxCorruptCopies - 1}";
        File.Move(Path, aside, overwrite: true);
        StorageLog.CorruptTokenFileMovedAside(logger, aside);
    }
}

/// <summary>Turns the store's unit-returning locked operations into plain <see cref="ValueTask"/>s.</summary>
file static class ValueTaskExtensions
{
    public static async ValueTask AsUnitTask(this ValueTask<Unit> task) => await task.ConfigureAwait(false);
}
