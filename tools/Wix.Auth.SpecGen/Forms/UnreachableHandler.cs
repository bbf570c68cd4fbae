namespace Wix.Auth.SpecGen.Forms;

/// <summary>A network that never answers: every request fails before any answer arrives (a transport failure).</summary>
public sealed class UnreachableHandler : HttpMessageHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new HttpRequestException("The spec's network is unreachable.");
}
