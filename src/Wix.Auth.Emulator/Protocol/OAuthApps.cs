namespace Wix.Auth.Emulator.Protocol;

/// <summary>The configured apps by client ID.</summary>
internal sealed class OAuthApps(IEnumerable<OAuthApp> apps)
{
    private readonly Dictionary<string, OAuthApp> byClientId = apps.ToDictionary(a => a.ClientId, StringComparer.Ordinal);

    public OAuthApp? Find(string? clientId) =>
        clientId is not null && byClientId.TryGetValue(clientId, out var app) ? app : null;
}
