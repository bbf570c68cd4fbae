namespace Wix.Auth.Emulator;

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>Waits <see cref="FaultSpec.LatencyMs"/> before answering normally.</summary>
    Latency,

    /// <summary>Answers <see cref="FaultSpec.StatusCode"/> (default 503), with <c>Retry-After</c> when set; nothing changes.</summary>
    Status,

    /// <summary>Drops the connection without an answer; nothing changes.</summary>
    Drop,

    /// <summary>Handles the request for real, then sends only the first half of the body (state does change).</summary>
    Truncate,

    /// <summary>Answers an HTML error page instead of JSON (status <see cref="FaultSpec.StatusCode"/>, default 200); nothing changes.</summary>
    NonJson,
}
