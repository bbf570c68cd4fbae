using Wix.Auth.Emulator.Model;

namespace Wix.Auth.Emulator.Protocol;

/// <summary>Builds the URL the browser is sent back to, with every value percent-encoded so it decodes unchanged.</summary>
internal static class RedirectBack
{
    public static string Success(AuthRequest request, string code) =>
        Build(request, [("code", code), .. StateOf(request)]);

    public static string Error(AuthRequest request, string error, string description) =>
        Build(request, [("error", error), ("error_description", description), .. StateOf(request)]);

    private static IEnumerable<(string, string)> StateOf(AuthRequest request) =>
        request.State is null ? [] : [("state", request.State)];

    private static string Build(AuthRequest request, IEnumerable<(string Name, string Value)> parameters)
    {
        var encoded = string.Join('&',
            parameters.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));
        // Only web_message goes without a redirect URI, and web_message is answered by a page, never a redirect.
        var redirectUri = request.RedirectUri ?? throw new InvalidOperationException("A redirect needs a redirect URI.");
        return request.ResponseMode == ResponseMode.Query
            ? redirectUri + (redirectUri.Contains('?') ? "&" : "?") + encoded
            : redirectUri + "#" + encoded;
    }
}
