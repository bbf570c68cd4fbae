using System.Diagnostics.CodeAnalysis;
using Microsoft.JSInterop;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Blazor;

/// <summary>
/// One of the browser's Web Storage areas through JS interop (<c>getItem</c>, <c>setItem</c>, <c>removeItem</c>, called on
/// the global object: no script of our own to load). A refusal — storage disabled, the quota full — is the store being
/// unavailable, which the client reports as <c>store_unavailable</c>.
/// </summary>
/// <remarks>
/// In WebAssembly the calls are synchronous (<see cref="IJSInProcessRuntime"/>), as Web Storage itself is: the tasks they
/// return are already complete, so nothing else of the tab runs between two of them.
/// </remarks>
internal sealed class WebStorage(IJSRuntime js, BrowserStorage area)
{
    private readonly string name = area == BrowserStorage.Local ? "localStorage" : "sessionStorage";

    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        Guard("read", name + ".getItem", cancellationToken, key);

    public async ValueTask SetAsync(string key, string value, CancellationToken cancellationToken) =>
        await Guard("write", name + ".setItem", cancellationToken, key, value).ConfigureAwait(false);

    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken) =>
        await Guard("remove from", name + ".removeItem", cancellationToken, key).ConfigureAwait(false);

    // Arguments and results are strings only, which JSON serializes without reflection over types the trimmer could remove.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Strings only.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Strings only.")]
    private async ValueTask<string?> Guard(string operation, string function, CancellationToken cancellationToken, params object?[] args)
    {
        try
        {
            return js is IJSInProcessRuntime inProcess
                ? inProcess.Invoke<string?>(function, args)
                : await js.InvokeAsync<string?>(function, cancellationToken, args).ConfigureAwait(false);
        }
        catch (JSException e)
        {
            throw new StoreUnavailableException($"{operation} {name}", e);
        }
    }
}
