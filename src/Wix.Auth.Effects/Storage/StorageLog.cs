using Microsoft.Extensions.Logging;

namespace Wix.Auth;

// Messages name files and conditions, never stored values.
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "The token file {Path} is not valid ({Reason}); it counts as empty.")]
    public static partial void CorruptTokenFile(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "The unreadable token file was moved aside to {Path}.")]
    public static partial void CorruptTokenFileMovedAside(ILogger logger, string path);
}
