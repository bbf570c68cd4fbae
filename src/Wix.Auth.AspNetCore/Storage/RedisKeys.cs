namespace Wix.Auth.AspNetCore.Storage;

/// <summary>
/// The names of the keys the site keeps in Redis. A session's keys share the hash tag <c>{session key}</c>, so on a Redis
/// Cluster they live in one slot, where the one Lua script that decides a fenced write may touch all of them; a pending
/// login is one key used alone. docs/web.md ("Keys in Redis") lists each key with what it holds and its TTL.
/// </summary>
internal static class RedisKeys
{
    /// <summary>A pending login, by its state: the serialized login, for the login TTL (10 min).</summary>
    public static string Pending(string state) => "wix:pending:" + state;

    /// <summary>A member session: the serialized login state, for the idle timeout, renewed by each read.</summary>
    public static string Session(string sessionKey) => Tagged(sessionKey, "session");

    /// <summary>The fencing number of the session's last write, for the idle timeout from that write.</summary>
    public static string Fence(string sessionKey) => Tagged(sessionKey, "fence");

    /// <summary>The session's refresh lease: its holder's fencing number, for the lease's duration.</summary>
    public static string Lease(string sessionKey) => Tagged(sessionKey, "lease");

    // Redis hashes only what is between the first '{' and the next '}': the three keys of one session share that text
    // (even if the session key held a '}', the text up to it would be the same), so they share a slot.
    private static string Tagged(string sessionKey, string what) => "wix:{" + sessionKey + "}:" + what;
}
