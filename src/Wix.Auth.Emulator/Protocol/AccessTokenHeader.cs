namespace Wix.Auth.Emulator.Protocol;

/// <summary>Reads the access token from <c>Authorization</c>, bare or Bearer.</summary>
internal static class AccessTokenHeader
{
    private const string BearerPrefix = "Bearer ";

    public static AuthorizationKind KindOf(HttpRequest request)
    {
        var value = request.Headers.Authorization.ToString();
        if (value.Length == 0) return AuthorizationKind.None;
        return value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? AuthorizationKind.Bearer
            : AuthorizationKind.Bare;
    }

    public static string? TokenOf(HttpRequest request)
    {
        var value = request.Headers.Authorization.ToString().Trim();
        if (value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)) value = value[BearerPrefix.Length..].Trim();
        return value.Length == 0 ? null : value;
    }
}
