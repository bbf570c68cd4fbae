using System.Net;
using System.Net.Http.Json;
using Wix.Auth.Emulator.Protocol;

namespace Wix.Auth.Emulator;

/// <summary>A typed client of the emulator's <c>/_emulator</c> admin API, for an emulator in another process.</summary>
/// <param name="http">The HTTP client to send with; the caller owns it.</param>
/// <param name="baseUrl">The emulator's base URL, e.g. <c>http://127.0.0.1:5099/</c>.</param>
public sealed class EmulatorAdminClient(HttpClient http, Uri baseUrl)
{
    /// <summary>The logged requests, in order of arrival.</summary>
    public async Task<IReadOnlyList<RequestLogEntry>> GetRequestsAsync(CancellationToken cancellationToken = default) =>
        await Get<List<RequestLogEntry>>("requests", cancellationToken);

    /// <summary>Clears the request log and the counters.</summary>
    public Task ClearRequestsAsync(CancellationToken cancellationToken = default) =>
        Delete("requests", cancellationToken);

    /// <summary>The counters, e.g. <c>token:refresh_token</c> → 1.</summary>
    public async Task<IReadOnlyDictionary<string, long>> GetCountersAsync(CancellationToken cancellationToken = default) =>
        await Get<Dictionary<string, long>>("counters", cancellationToken);

    /// <summary>How much the emulator holds now.</summary>
    public Task<EmulatorStateSnapshot> GetStateAsync(CancellationToken cancellationToken = default) =>
        Get<EmulatorStateSnapshot>("state", cancellationToken);

    /// <summary>The faults in force.</summary>
    public async Task<IReadOnlyList<ActiveFault>> GetFaultsAsync(CancellationToken cancellationToken = default) =>
        await Get<List<ActiveFault>>("faults", cancellationToken);

    /// <summary>Adds a fault; returns it with its ID.</summary>
    public async Task<ActiveFault> AddFaultAsync(FaultSpec fault, CancellationToken cancellationToken = default)
    {
        using var response = await http.PostAsJsonAsync(Url("faults"), fault, EmulatorJson.Info<FaultSpec>(), cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(EmulatorJson.Info<ActiveFault>(), cancellationToken))!;
    }

    /// <summary>Removes one fault; false when it was not in force.</summary>
    public async Task<bool> RemoveFaultAsync(string id, CancellationToken cancellationToken = default)
    {
        using var response = await http.DeleteAsync(Url("faults/" + Uri.EscapeDataString(id)), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return false;
        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>Removes every fault.</summary>
    public Task ClearFaultsAsync(CancellationToken cancellationToken = default) => Delete("faults", cancellationToken);

    private async Task<T> Get<T>(string path, CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync(Url(path), EmulatorJson.Info<T>(), cancellationToken))!;

    private async Task Delete(string path, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync(Url(path), cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private Uri Url(string path) => new(baseUrl, "/_emulator/" + path);
}
