using System.Net;
using System.Net.Sockets;

namespace Wix.Auth.Effects.Tests.Support;

/// <summary>
/// Real sockets, with a real refused connection on demand: the next <c>count</c> requests to a path are sent to a
/// loopback port nothing listens on, so the connection is refused before any byte of the request leaves, exactly as
/// when Wix cannot be reached. Every other request goes where it was addressed.
/// </summary>
internal sealed class RefusingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly object gate = new();
    private string? path;
    private int left;

    /// <summary>How many requests were refused so far.</summary>
    public int Refused { get; private set; }

    /// <summary>Refuses the next <paramref name="count"/> requests to <paramref name="requestPath"/>.</summary>
    public void RefuseNext(string requestPath, int count)
    {
        lock (gate) (path, left) = (requestPath, count);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            if (left > 0 && request.RequestUri!.AbsolutePath == path)
            {
                left--;
                Refused++;
                request.RequestUri = new UriBuilder(request.RequestUri) { Port = ClosedPort() }.Uri;
            }
        }
        return base.SendAsync(request, cancellationToken);
    }

    // A port that was free a moment ago and has nothing listening on it now.
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
