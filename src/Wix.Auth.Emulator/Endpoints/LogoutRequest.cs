using System.Text.Json.Nodes;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.Endpoints;

/// <summary>Validates the <c>logout</c> intent: a known client and a <c>postFlowUrl</c> on an allowed domain.</summary>
internal static class LogoutRequest
{
    public static ParseOutcome Parse(JsonObject root, JsonObject logout, OAuthApps apps)
    {
        var clientId = JsonText.Of(logout, "clientId");
        if (clientId is null)
            return ParseOutcome.Fail(WixError.Validation("logout.clientId", "clientId is required."));
        var app = apps.Find(clientId);
        if (app is null)
            return ParseOutcome.Fail(
                WixError.Application(StatusCodes.Status400BadRequest, "UNKNOWN_CLIENT", "Unknown client."));

        var postFlowUrl = JsonText.Of(root["callbacks"] as JsonObject, "postFlowUrl");
        if (postFlowUrl is null)
            return ParseOutcome.Fail(WixError.Validation("callbacks.postFlowUrl", "callbacks.postFlowUrl is required."));
        if (!RedirectRules.IsAllowedPostFlowUrl(app, postFlowUrl))
            return ParseOutcome.Fail(WixError.Application(StatusCodes.Status400BadRequest, "INVALID_POST_FLOW_URL",
                "postFlowUrl is not on one of the app's allowed domains."));

        return ParseOutcome.Ok(new LogoutTarget(clientId, postFlowUrl));
    }
}
