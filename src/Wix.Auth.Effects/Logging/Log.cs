using Microsoft.Extensions.Logging;

namespace Wix.Auth.Effects.Logging;

// Every message names kinds of things (state, event, effect, request type, path), never their values: tokens,
// codes and verifiers cannot reach a log from here.
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Login flow: {Event} in {State} -> {NextState} [{Effects}]")]
    public static partial void Transition(ILogger logger, string @event, string state, string nextState, string effects);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Login flow: {Event} in {State} rejected: {Code}")]
    public static partial void Rejected(ILogger logger, string @event, string state, string code);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Wix {Request} POST {Path} -> {Status} (x-wix-request-id {RequestId})")]
    public static partial void WixCall(ILogger logger, string request, string path, int status, string requestId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Wix {Request} POST {Path} failed: {Code}")]
    public static partial void WixCallFailed(ILogger logger, string request, string path, string code);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Login flow: the write after {Event} was superseded by a newer lease holder; the session is {State}")]
    public static partial void Superseded(ILogger logger, string @event, string state);
}
