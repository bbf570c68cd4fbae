using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Wix.Auth.Samples.ConsoleLogin;

/// <summary>
/// Where Wix sends the browser after logout, by default: a page on a loopback port this command listens on, so the
/// browser lands on "You are logged out" rather than on an address where nothing listens. It answers
/// <c>GET /logged-out</c> once; anything else gets 404. Nothing secret arrives here: Wix adds nothing to this URL.
/// </summary>
public sealed class LoggedOutPage : IDisposable
{
    private const string Path = "/logged-out";
    private const string Html = """
        <!doctype html><html lang="en"><meta charset="utf-8"><title>Logged out</title>
        <body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;line-height:1.5">
        <h1>You are logged out</h1><p>Wix ended your session. You can close this window and return to the terminal.</p></body></html>
        """;

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);

    /// <summary>Starts listening on a port the OS picks.</summary>
    public LoggedOutPage()
    {
        listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}{Path}";
    }

    /// <summary>The page's URL, to give Wix as the post-logout URL.</summary>
    public string Url { get; }

    /// <summary>Serves requests until the page has been shown once; false when <paramref name="wait"/> passed first.</summary>
    public async Task<bool> ShowOnceAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(wait);
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync(deadline.Token).ConfigureAwait(false);
                if (await AnswerAsync(client.GetStream(), deadline.Token).ConfigureAwait(false)) return true;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose() => listener.Dispose();

    // Reads the request head (at most 8 KiB) and answers it; true when it was the page.
    private static async Task<bool> AnswerAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        var length = 0;
        while (length < buffer.Length && !Encoding.ASCII.GetString(buffer, 0, length).Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0) return false;
            length += read;
        }
        var requestLine = Encoding.ASCII.GetString(buffer, 0, length).Split("\r\n", 2)[0].Split(' ');
        var isPage = requestLine is ["GET", var target, _] && (target == Path || target.StartsWith(Path + "?", StringComparison.Ordinal));
        var body = Encoding.UTF8.GetBytes(isPage ? Html : "Not found");
        var head = $"HTTP/1.1 {(isPage ? "200 OK" : "404 Not Found")}\r\nContent-Type: text/{(isPage ? "html" : "plain")}; charset=utf-8\r\n"
            + $"Content-Length: {body.Length}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
        return isPage;
    }
}
