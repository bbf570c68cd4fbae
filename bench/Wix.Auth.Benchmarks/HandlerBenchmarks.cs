using BenchmarkDotNet.Attributes;
using Wix.Auth.Benchmarks.Shared;
using Wix.Auth.Emulator;

namespace Wix.Auth.Benchmarks;

/// <summary>
/// What <see cref="WixAuthHandler"/> adds to an API call on a valid token, against what one loopback HTTP call to
/// the emulator costs, in the same run. The handler's cost is <c>WithHandler − TerminalOnly</c>: both send the
/// same reused request to a terminal handler that answers a cached, completed task.
/// </summary>
[MemoryDiagnoser]
public class HandlerBenchmarks
{
    private WixEmulator? emulator;
    private EmulatorLogin? login;
    private HttpMessageInvoker? terminalOnly, withHandler;
    private HttpClient? api;
    private readonly HttpRequestMessage request = new(HttpMethod.Get, "http://127.0.0.1/members/v1/members/my");

    [GlobalSetup]
    public async Task SetUp()
    {
        emulator = await WixEmulator.StartAsync();
        login = new EmulatorLogin(emulator.BaseUrl);
        var client = login.NewClient();
        await login.LogInAsync(client); // a fresh member token in the in-memory store
        terminalOnly = new HttpMessageInvoker(new CachedResponseHandler(), disposeHandler: true);
        withHandler = new HttpMessageInvoker(new WixAuthHandler(client) { InnerHandler = new CachedResponseHandler() }, disposeHandler: true);
        api = new HttpClient(new WixAuthHandler(client) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = emulator.BaseUrl };
    }

    [GlobalCleanup]
    public async Task CleanUp()
    {
        api?.Dispose();
        withHandler?.Dispose();
        terminalOnly?.Dispose();
        login?.Dispose();
        if (emulator is not null) await emulator.DisposeAsync();
    }

    [Benchmark(Baseline = true)]
    public Task<HttpResponseMessage> TerminalOnly() => terminalOnly!.SendAsync(request, CancellationToken.None);

    [Benchmark]
    public Task<HttpResponseMessage> WithHandler() => withHandler!.SendAsync(request, CancellationToken.None);

    /// <summary>One real call: GET /members/v1/members/my through the handler to the emulator over loopback.</summary>
    [Benchmark]
    public async Task<int> LoopbackCall()
    {
        using var response = await api!.GetAsync("members/v1/members/my");
        return (int)response.StatusCode;
    }

    /// <summary>The end of the pipeline: the same completed task every time, so it allocates nothing itself.</summary>
    private sealed class CachedResponseHandler : HttpMessageHandler
    {
        private readonly Task<HttpResponseMessage> cached = Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => cached;
    }
}
