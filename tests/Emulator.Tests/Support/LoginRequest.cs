namespace Wix.Auth.Emulator.Tests.Support;

/// <summary>What a client asks a login Redirect Session for; defaults are the demo app's.</summary>
internal sealed record LoginRequest
{
    public string ClientId { get; init; } = DemoData.ClientId;
    public string RedirectUri { get; init; } = "http://localhost:3000/callback";
    public string ResponseMode { get; init; } = "fragment";
    public string Prompt { get; init; } = "login";
    public string State { get; init; } = "state-" + Guid.NewGuid().ToString("N");
    public PkcePair Pkce { get; init; } = PkcePair.New();

    /// <summary>The body exactly as @wix/sdk 1.21.16 sends it.</summary>
    public object Body() => new
    {
        auth = new
        {
            authRequest = new
            {
                redirectUri = RedirectUri,
                clientId = ClientId,
                codeChallenge = Pkce.Challenge,
                codeChallengeMethod = "S256",
                responseMode = ResponseMode,
                responseType = "code",
                scope = "offline_access",
                state = State,
            },
            prompt = Prompt,
        },
    };
}

/// <summary>A token response.</summary>
internal sealed record Tokens(string AccessToken, string RefreshToken, long ExpiresIn);
