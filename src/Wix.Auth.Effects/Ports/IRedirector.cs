namespace Wix.Auth.Effects.Ports;

/// <summary>What "send the browser to this URL" means for the host: a 302, opening the system browser, nothing.</summary>
public interface IRedirector
{
    /// <summary>Sends the member's browser to <paramref name="url"/>.</summary>
    ValueTask RedirectAsync(string url, CancellationToken cancellationToken);
}

/// <summary>The default redirector: does nothing, because the façade returns every URL to the caller, as <c>@wix/sdk</c> does.</summary>
public sealed class ReturnUrlToCaller : IRedirector
{
    /// <inheritdoc />
    public ValueTask RedirectAsync(string url, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
