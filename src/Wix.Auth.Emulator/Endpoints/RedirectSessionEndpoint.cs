using System.Text.Json.Nodes;
using Wix.Auth.Emulator.Model;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator.Endpoints;

/// <summary><c>POST /_api/redirects-api/v1/redirect-session</c>: the <c>auth</c> and <c>logout</c> intents.</summary>
internal static class RedirectSessionEndpoint
{
    public static IResult Handle(HttpContext context, EmulatorState state, OAuthApps apps, EmulatorOptions options)
    {
        var token = AccessTokenHeader.TokenOf(context.Request);
        if (token is null) return WixError.Unauthenticated("An access token is required in Authorization.");
        if (state.ActiveAccessToken(token) is null)
            return WixError.Unauthenticated("The access token is unknown or has expired.");

        var body = RequestBody.Of(context);
        if (body.Kind != BodyKind.Json) return WixError.ForUnreadable(body);
        var root = (JsonObject)body.Json!;
        var auth = root["auth"] as JsonObject;
        var logout = root["logout"] as JsonObject;
        if ((auth is null) == (logout is null))
            return WixError.Validation("auth", "Exactly one of auth or logout is required.");

        var outcome = auth is not null ? LoginRequest.Parse(auth, apps, options.MemberAuth) : LogoutRequest.Parse(root, logout!, apps);
        if (outcome.Error is not null) return outcome.Error;
        var session = outcome.Request switch
        {
            AuthRequest request => (RedirectSession)state.AddLoginSession(request),
            LogoutTarget target => state.AddLogoutSession(target.ClientId, target.PostFlowUrl),
            _ => throw new InvalidOperationException("A parsed redirect session request has a known type."),
        };
        return EmulatorJson.Result(Describe(context.Request, session));
    }

    private static RedirectSessionResponse Describe(HttpRequest request, RedirectSession session)
    {
        var endpoint = $"{request.Scheme}://{request.Host}{Paths.Authorize}";
        var fullUrl = $"{endpoint}?rs={Uri.EscapeDataString(session.Id)}";
        return new RedirectSessionResponse(new RedirectSessionBody(
            session.Id, fullUrl, new UrlDetails(endpoint, new Dictionary<string, string> { ["rs"] = session.Id }),
            SessionToken: null, ShortUrl: fullUrl));
    }

    internal sealed record RedirectSessionResponse(RedirectSessionBody RedirectSession);

    internal sealed record RedirectSessionBody(
        string Id, string FullUrl, UrlDetails UrlDetails, string? SessionToken, string ShortUrl);

    internal sealed record UrlDetails(string Endpoint, IReadOnlyDictionary<string, string> SearchParams);
}

/// <summary>A parsed intent, or the error answer that stopped it.</summary>
internal sealed record ParseOutcome(object? Request, IResult? Error)
{
    public static ParseOutcome Fail(IResult error) => new(null, error);

    public static ParseOutcome Ok(object request) => new(request, null);
}

/// <summary>Where a logout sends the browser afterwards.</summary>
internal sealed record LogoutTarget(string ClientId, string PostFlowUrl);
