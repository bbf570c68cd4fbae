using Microsoft.Extensions.Logging;

namespace Wix.Auth.Effects.Logging;

// As in Log: kinds of things and codes only, never a password, code or token.
internal static partial class MemberLog
{
    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Member forms: the answer {Event} was refused: {Code}")]
    public static partial void AnswerRefused(ILogger logger, string @event, string code);
}
