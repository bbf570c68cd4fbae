using System.Net;
using System.Net.Sockets;
using System.Text;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;

namespace Wix.Auth.Native.Loopback;

/// <summary>
/// The loopback redirect of RFC 8252 §7.3: a listener on <c>127.0.0.1</c> (never every interface) that takes one
/// callback per login — <c>GET {path}</c> carrying the login's state — and answers 404 to everything else: other paths,
/// forged or stale states, a second callback, any request while no login waits. A plain socket and a few lines of
/// HTTP/1.1, so that a native app carries no web server; every request is bounded in size, time and number.
/// </summary>
internal sealed class LoopbackListener : IDisposable
{
    /// <summary>The most bytes a request's line and headers may take; a browser's callback needs a fraction of it.</summary>
    public const int MaxRequestBytes = 8 * 1024;

    /// <summary>How many connections are served at once; browsers open a few speculatively. Others are closed at once.</summary>
    public const int MaxConnections = 16;

    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    private readonly TcpListener listener;
    private readonly string callbackPath;
    private readonly string origin;
    private readonly SemaphoreSlim connections = new(MaxConnections, MaxConnections);
    private readonly CancellationTokenSource stopping = new();
    private Waiter? waiter;

    /// <summary>Listens on <c>127.0.0.1:<paramref name="port"/></c> (0: a port the OS picks) for <paramref name="callbackPath"/>.</summary>
    /// <exception cref="SocketException">The port is taken.</exception>
    public LoopbackListener(int port, string callbackPath)
    {
        this.callbackPath = callbackPath;
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        origin = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        RedirectUri = origin + callbackPath;
        _ = AcceptAsync();
    }

    /// <summary>The redirect URI to give Wix: <c>http://127.0.0.1:{port}{path}</c>.</summary>
    public string RedirectUri { get; }

    /// <summary>
    /// Waits for the callback carrying <paramref name="state"/> (any callback when null) and returns its full URL. Until
    /// the returned task ends, no other login may wait; afterwards every callback is refused again.
    /// </summary>
    public async Task<string> WaitForCallbackAsync(string? state, CancellationToken cancellationToken)
    {
        var current = new Waiter(state);
        if (Interlocked.CompareExchange(ref waiter, current, null) is not null)
            throw new InvalidOperationException("This listener is already waiting for a login; one login at a time.");
        try
        {
            return await current.Callback.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.CompareExchange(ref waiter, null, current);
        }
    }

    /// <summary>Stops listening; a login still waiting is never answered (its wait ends by its own timeout or cancellation).</summary>
    public void Dispose()
    {
        stopping.Cancel();
        listener.Stop();
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            if (!connections.Wait(0))
            {
                socket.Dispose();
                continue;
            }
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            using var _ = socket;
            using var timeout = new CancellationTokenSource(ReadTimeout);
            var head = await ReadHeadAsync(socket, timeout.Token).ConfigureAwait(false);
            var (status, body) = head is null ? (431, "The request is too large.") : Answer(head);
            await socket.SendAsync(Response(status, body), SocketFlags.None, timeout.Token).ConfigureAwait(false);
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // A client that sends nothing in time, or goes away: nothing to answer.
        }
        finally
        {
            connections.Release();
        }
    }

    // The request line and headers, up to the blank line; null when they do not fit in MaxRequestBytes.
    private static async Task<string?> ReadHeadAsync(Socket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxRequestBytes];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(length), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0) break;
            var searchFrom = Math.Max(0, length - 3);
            length += read;
            var end = buffer.AsSpan(searchFrom, length - searchFrom).IndexOf("\r\n\r\n"u8);
            if (end >= 0) return Encoding.Latin1.GetString(buffer, 0, searchFrom + end);
        }
        return length < buffer.Length ? Encoding.Latin1.GetString(buffer, 0, length) : null;
    }

    private (int Status, string Body) Answer(string head)
    {
        var lineEnd = head.IndexOf("\r\n", StringComparison.Ordinal);
        var parts = (lineEnd < 0 ? head : head[..lineEnd]).Split(' ');
        if (parts.Length != 3 || !parts[1].StartsWith('/')) return (400, "Bad request.");
        var target = parts[1];
        var query = target.IndexOf('?');
        if ((query < 0 ? target : target[..query]) != callbackPath || Volatile.Read(ref waiter) is not { } current) return (404, "Not found.");
        if (parts[0] != "GET") return (405, "Only GET is accepted here.");

        var url = origin + target;
        var callback = CallbackParser.ParseFromUrl(url, ResponseMode.Query).Case as CallbackParams;
        if (current.State is { } state && (callback is null || !Secret.FixedTimeEquals(callback.State, state))) return (404, "Not found.");
        if (!current.Callback.TrySetResult(url)) return (404, "Not found.");
        return (200, callback is CallbackParams.Granted
            ? "You are logged in. You can close this window and return to the app."
            : "The login was not completed. You can close this window; the app says why.");
    }

    private static byte[] Response(int status, string message)
    {
        var body = Encoding.UTF8.GetBytes(
            $"<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Wix login</title><body><p>{message}</p></body></html>");
        var reason = status switch { 200 => "OK", 400 => "Bad Request", 404 => "Not Found", 405 => "Method Not Allowed", _ => "Request Header Fields Too Large" };
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\n" +
                   "Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    private sealed class Waiter(string? state)
    {
        public string? State { get; } = state;

        public TaskCompletionSource<string> Callback { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
