using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Wix.Auth.Web.Tests.Support;

/// <summary>
/// A real Redis Cluster for tests: six <c>redis-server</c> processes with <c>--cluster-enabled yes</c> on loopback, made into
/// three masters with a replica each by <c>redis-cli --cluster create</c>; nothing written to disk but each node's
/// <c>nodes.conf</c> (in a temporary folder, so a killed node restarts as the same node). Every process is stopped by its
/// PID at the end. A node can be killed and restarted (it rejoins, as a replica of whoever took its slots), and the whole
/// cluster paused (SIGSTOP) as when the network to it fails.
/// </summary>
internal sealed class RedisCluster : IAsyncDisposable
{
    /// <summary>How long a node may be silent before the others fail it over: short, so failover tests are quick.</summary>
    public const int NodeTimeoutMs = 1000;

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("wix-auth-cluster-");
    private readonly Dictionary<int, Process> processes = [];

    private RedisCluster(int[] ports) => Ports = ports;

    /// <summary>The six nodes' ports.</summary>
    public IReadOnlyList<int> Ports { get; }

    /// <summary>Every node, as a StackExchange.Redis configuration string lists a cluster's seeds.</summary>
    public string ConnectionString => string.Join(",", Ports.Select(p => $"127.0.0.1:{p}"));

    public static async Task<RedisCluster> StartAsync()
    {
        // A port found free may be taken before redis-server binds it (by another program): start again on others.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync();
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    private static async Task<RedisCluster> StartOnceAsync()
    {
        var cluster = new RedisCluster(FreePorts(6));
        try
        {
            foreach (var port in cluster.Ports) cluster.Launch(port);
            foreach (var port in cluster.Ports) await RedisServer.WaitForPingAsync(cluster.processes[port], port);
            var (code, output) = await RedisCli(["--cluster", "create", .. cluster.Ports.Select(p => $"127.0.0.1:{p}"), "--cluster-replicas", "1", "--cluster-yes"]);
            if (code != 0) throw new InvalidOperationException($"redis-cli --cluster create failed ({code}): {output}");
            await cluster.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The ports of the nodes that are masters now, as <paramref name="askPort"/> (or any live node) sees the cluster.</summary>
    public async Task<IReadOnlyList<int>> MastersAsync(int? askPort = null) => (await NodesAsync(askPort)).Where(n => n.Master && !n.Failed).Select(n => n.Port).ToList();

    /// <summary>The ports of the nodes that are replicas now.</summary>
    public async Task<IReadOnlyList<int>> ReplicasAsync(int? askPort = null) => (await NodesAsync(askPort)).Where(n => !n.Master && !n.Failed).Select(n => n.Port).ToList();

    /// <summary>The port of the master that serves <paramref name="key"/>'s slot.</summary>
    public async Task<int> MasterOfAsync(string key)
    {
        var slot = int.Parse((await Ask(Ports.First(Alive), "CLUSTER", "KEYSLOT", key)).Trim());
        return (await NodesAsync()).Single(n => n.Master && n.Slots.Any(r => r.From <= slot && slot <= r.To)).Port;
    }

    /// <summary>Kills a node (SIGKILL): its connections drop, its unreplicated writes are gone.</summary>
    public async Task KillAsync(int port)
    {
        var process = processes[port];
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>Starts a killed node again, empty, with its <c>nodes.conf</c>: it rejoins as the same node.</summary>
    public async Task RestartAsync(int port)
    {
        processes[port].Dispose();
        Launch(port);
        await RedisServer.WaitForPingAsync(processes[port], port);
    }

    /// <summary>SIGSTOP every node: connections stay open and nothing answers, as when the cluster's network fails.</summary>
    public void PauseAll()
    {
        foreach (var port in Ports.Where(Alive)) RedisServer.Signal(processes[port], "-STOP");
    }

    /// <summary>SIGCONT every node.</summary>
    public void ResumeAll()
    {
        foreach (var port in Ports.Where(Alive)) RedisServer.Signal(processes[port], "-CONT");
    }

    /// <summary>
    /// Waits until every live node says <c>cluster_state:ok</c>, every slot has a master, each master has a replica that is
    /// in sync, and the nodes agree on who is master: the cluster is ready to lose a node again.
    /// </summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var live = Ports.Where(Alive).ToList();
        string last = "";
        for (var deadline = DateTime.UtcNow + timeout; DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            try
            {
                var views = new List<string>();
                var ok = true;
                foreach (var port in live)
                {
                    ok &= (await Ask(port, "CLUSTER", "INFO")).Contains("cluster_state:ok", StringComparison.Ordinal);
                    var nodes = await NodesAsync(port);
                    views.Add(string.Join(",", nodes.Where(n => n.Master && n.Slots.Count > 0).Select(n => n.Port).Order()));
                    ok &= nodes.Count(n => n.Master && n.Slots.Count > 0) == 3 && nodes.Count(n => !n.Master && !n.Failed) == live.Count - 3;
                }
                foreach (var replica in await ReplicasAsync(live[0]))
                    ok &= (await Ask(replica, "INFO", "replication")).Contains("master_link_status:up", StringComparison.Ordinal);
                last = string.Join(" | ", views);
                if (ok && views.Distinct().Count() == 1) return;
            }
            catch (Exception e) when (e is IOException or SocketException or InvalidOperationException)
            {
                last = e.Message;
            }
        }
        throw new TimeoutException($"the cluster did not become healthy within {timeout.TotalSeconds} s: {last}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes.Values)
        {
            if (!process.HasExited)
            {
                RedisServer.Signal(process, "-CONT");
                process.Kill();
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
        lock (Reserved) Reserved.ExceptWith(Ports);
    }

    private bool Alive(int port) => processes.TryGetValue(port, out var p) && !p.HasExited;

    private void Launch(int port) =>
        processes[port] = RedisServer.Launch(port,
            "--cluster-enabled", "yes", "--cluster-config-file", Path.Combine(folder.FullName, $"nodes-{port}.conf"),
            "--cluster-node-timeout", NodeTimeoutMs.ToString(), "--dir", folder.FullName);

    private sealed record Node(int Port, bool Master, bool Failed, List<(int From, int To)> Slots);

    // CLUSTER NODES: "<id> <ip:port@bus> <flags> <master> <ping> <pong> <epoch> <link> <slot> <slot>…"
    private async Task<List<Node>> NodesAsync(int? askPort = null)
    {
        var text = await Ask(askPort ?? Ports.First(Alive), "CLUSTER", "NODES");
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var parts = line.Split(' ');
            var port = int.Parse(parts[1].Split('@')[0].Split(':')[1]);
            var flags = parts[2].Split(',');
            var slots = parts.Skip(8).Where(s => !s.StartsWith('[')).Select(s => s.Split('-')).Select(r => (int.Parse(r[0]), int.Parse(r[^1]))).ToList();
            return new Node(port, flags.Contains("master"), flags.Contains("fail") || flags.Contains("fail?"), slots);
        }).ToList();
    }

    private static async Task<string> Ask(int port, params string[] command)
    {
        var (code, output) = await RedisCli(["-p", port.ToString(), .. command]);
        if (code != 0 || output.StartsWith("Could not connect", StringComparison.Ordinal)) throw new InvalidOperationException($"redis-cli on {port}: {output}");
        return output;
    }

    private static async Task<(int Code, string Output)> RedisCli(string[] arguments)
    {
        var start = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-h");
        start.ArgumentList.Add("127.0.0.1");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("redis-cli did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    // The ports of the clusters this process runs, so two test classes starting clusters at once never pick the same.
    private static readonly HashSet<int> Reserved = [];

    // A cluster node also listens on its port + 10000 (the cluster bus): both must be free, and both below the range the
    // system hands out to outgoing connections (from 32768 on Linux), so no client socket takes one meanwhile.
    private static int[] FreePorts(int count)
    {
        lock (Reserved)
        {
            var ports = new List<int>();
            for (var candidate = Random.Shared.Next(20_000, 22_000); ports.Count < count && candidate < 22_768; candidate++)
                if (!Reserved.Contains(candidate) && IsFree(candidate) && IsFree(candidate + 10_000)) ports.Add(candidate);
            if (ports.Count < count) throw new InvalidOperationException("no free ports for a cluster");
            Reserved.UnionWith(ports);
            return [.. ports];
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
