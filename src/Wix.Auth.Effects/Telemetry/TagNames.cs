namespace Wix.Auth;

/// <summary>The tags of the <c>Wix.Auth</c> spans and instruments: OpenTelemetry's names where one exists.</summary>
internal static class TagNames
{
    public const string ErrorType = "error.type";
    public const string HttpStatus = "http.response.status_code";
    public const string Endpoint = "wix.endpoint";
    public const string Grant = "wix.grant";
    public const string RequestId = "wix.request_id";
    public const string Outcome = "wix.outcome";
    public const string Step = "wix_auth.step";

    /// <summary>The outcome of a call that succeeded.</summary>
    public const string Ok = "ok";
}
