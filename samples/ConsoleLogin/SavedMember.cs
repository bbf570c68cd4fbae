using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wix.Auth.Samples.ConsoleLogin;

/// <summary>
/// Who logged in, as Wix said at the end of <c>login</c>, kept beside the token file for the in-process emulator only:
/// that emulator ends with the command, so a later <c>whoami</c> has nobody to ask and reports this instead (saying so).
/// The file holds a name and an email, never a token, and is readable only by you, like the token file.
/// </summary>
public static class SavedMember
{
    /// <summary>The file beside <paramref name="tokenFile"/>.</summary>
    public static string PathFor(string tokenFile) => System.IO.Path.ChangeExtension(tokenFile, ".member.json");

    /// <summary>Remembers <paramref name="member"/> for <paramref name="tokenFile"/>.</summary>
    public static async Task SaveAsync(string tokenFile, MemberInfo member, CancellationToken cancellationToken)
    {
        var path = PathFor(tokenFile);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var file = new FileStream(path, options);
        await JsonSerializer.SerializeAsync(file, new Record(member.Name, member.Email), SavedMemberJson.Default.Record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The member saved for <paramref name="tokenFile"/>; null when there is none or it cannot be read.</summary>
    public static async Task<MemberInfo?> LoadAsync(string tokenFile, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(PathFor(tokenFile));
            var record = await JsonSerializer.DeserializeAsync(file, SavedMemberJson.Default.Record, cancellationToken).ConfigureAwait(false);
            return record is { Name: { } name, Email: { } email } ? new MemberInfo(name, email) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Forgets the member saved for <paramref name="tokenFile"/>.</summary>
    public static void Delete(string tokenFile)
    {
        try
        {
            File.Delete(PathFor(tokenFile));
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever saved there.
        }
    }

    /// <summary>The file's content.</summary>
    /// <param name="Name">The member's name.</param>
    /// <param name="Email">The member's login email.</param>
    public sealed record Record(string? Name, string? Email);
}

/// <summary>Source-generated JSON for <see cref="SavedMember.Record"/> (the console also publishes as Native AOT).</summary>
[JsonSerializable(typeof(SavedMember.Record))]
internal sealed partial class SavedMemberJson : JsonSerializerContext;
