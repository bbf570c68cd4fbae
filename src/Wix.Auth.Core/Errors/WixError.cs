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
    /// True when the failure may pass if the request is sent again: no answer arrived (<see cref="NetworkError"/>,
    /// <see cref="Timeout"/>), or Wix's status is transient (<see cref="IsTransientStatus"/>). The complement of
    /// <see cref="IsDefinitive"/>.
    /// </summary>
    public bool IsTransient => HttpStatus.Map(IsTransientStatus).IfNone(true);

    /// <summary>
    /// True when Wix answered that the request itself is wrong (a 4XX other than 408 and 429), so repeating
    /// it cannot succeed: an <c>invalid_grant</c> refresh token stays invalid. The complement of <see cref="IsTransient"/>.
    /// </summary>
    public bool IsDefinitive => !IsTransient;

    /// <summary>
    /// The one definition of a transient status, for the core's rules and for the HTTP layer's retries alike: every
    /// status but a 4XX, and the 4XX that only say "not now" (408 request timeout, 429 too many requests). Any other
    /// 4XX says the request itself is wrong, and sending it again cannot succeed.
    /// </summary>
    /// <param name="status">The HTTP status of a failed call.</param>
    public static bool IsTransientStatus(int status) => status is < 400 or >= 500 or 408 or 429;

    /// <summary>An error with only a code, for transport failures.</summary>
    public static WixError Of(string code) => new(code, Option<string>.None, Option<int>.None, Option<string>.None);
}
