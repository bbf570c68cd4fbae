using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Wix.Auth.Web.Tests.Support;

/// <summary>
/// A real <c>redis-server</c> for one test: loopback only, a free port, nothing written to disk, killed at the end. It can
/// be broken the ways production breaks it: stopped, paused (SIGSTOP, as a stalled host) and restarted empty.
/// </summary>
internal sealed class RedisServer : IRedisTarget
{
    private Process process;

    private RedisServer(Process process, int port) => (this.process, Port) = (process, port);

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var port = FreePort();
        var server = new RedisServer(Launch(port), port);
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>Kills the server: connections drop, the port refuses.</summary>
    public async Task StopAsync()
    {
        Resume();
        if (!process.HasExited) process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>Starts a new, empty server on the same port, as after a crash of a Redis without persistence.</summary>
    public async Task RestartEmptyAsync()
    {
        await StopAsync();
        process.Dispose();
        process = Launch(Port);
        await WaitUntilReadyAsync();
    }

    /// <summary>SIGSTOP: connections stay open and nothing answers, as when the host stalls.</summary>
    public void Pause() => Signal("-STOP");

    /// <summary>SIGCONT: the paused server answers again, queued commands included.</summary>
    public void Resume()
    {
        if (!process.HasExited) Signal("-CONT");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A redis-server on loopback at <paramref name="port"/>, nothing written to disk, with <paramref name="more"/> settings.</summary>
    public static Process Launch(int port, params string[] more)
    {
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes", .. more])
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start; scripts/test.sh installs it.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Signal(string signal) => Signal(process, signal);

    private Task WaitUntilReadyAsync() => WaitForPingAsync(process, Port);

    /// <summary>Sends <paramref name="signal"/> (<c>-STOP</c>, <c>-CONT</c>) to a Redis process.</summary>
    internal static void Signal(Process process, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, process.Id.ToString()]) { UseShellExecute = false })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0 && !process.HasExited) throw new InvalidOperationException($"kill {signal} failed with {kill.ExitCode}.");
    }

    /// <summary>Waits until the <c>redis-server</c> <paramref name="process"/> answers PING on <paramref name="port"/>.</summary>
    internal static async Task WaitForPingAsync(Process process, int port)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            if (process.HasExited) throw new InvalidOperationException($"redis-server on {port} exited with {process.ExitCode}.");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                if (await stream.ReadAsync(buffer) > 0 && buffer[0] == (byte)'+') return;
            }
            catch (SocketException)
            {
            }
        }
        throw new TimeoutException($"redis-server on {port} did not answer PING within 10 s.");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }
}
