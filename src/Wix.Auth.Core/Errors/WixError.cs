using LanguageExt;

namespace Wix.Auth.Core.Errors;

/// <summary>
/// What went wrong in a call to Wix, as the effects layer observed it: Wix's own error code
/// (<c>invalid_grant</c>, an application error code) or one of the transport codes below.
/// </summary>
/// <param name="Code">Wix's error code, or <see cref="NetworkError"/>, <see cref="Timeout"/>, <see cref="InvalidResponse"/>.</param>
/// <param name="Description">Wix's description, when it sent one. Never contains a secret.</param>
/// <param name="HttpStatus">The HTTP status, when a response arrived.</param>
/// <param name="RequestId">Wix's <c>x-wix-request-id</c>, when a response carried one.</param>
public sealed record WixError(string Code, Option<string> Description, Option<int> HttpStatus, Option<string> RequestId)
{
    /// <summary>No response: the connection failed or was dropped.</summary>
    public const string NetworkError = "network_error";

    /// <summary>No response within the configured timeout.</summary>
    public const string Timeout = "timeout";

    /// <summary>A response arrived but was not the JSON Wix documents.</summary>
    public const string InvalidResponse = "invalid_response";

    /// <summary>
    /// True when Wix answered that the request itself is wrong (a 4XX other than 408 and 429), so repeating
    /// it cannot succeed: an <c>invalid_grant</c> refresh token stays invalid.
    /// </summary>
    public bool IsDefinitive => HttpStatus.Map(s => s is >= 400 and < 500 and not 408 and not 429).IfNone(false);

    /// <summary>An error with only a code, for transport failures.</summary>
    public static WixError Of(string code) => new(code, Option<string>.None, Option<int>.None, Option<string>.None);
}
