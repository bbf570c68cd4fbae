using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Snapshots;

namespace Wix.Auth;

/// <summary>Bytes to and from the core's snapshots, for every store that keeps bytes; unreadable bytes give null.</summary>
internal static class StoredMapping
{
    public static byte[] Serialize(LoginState state) => SessionSnapshots.Serialize(state);

    public static byte[] Serialize(PendingLogin pending) => SessionSnapshots.Serialize(pending);

    public static LoginState? DeserializeState(byte[]? bytes) => bytes is null ? null : SessionSnapshots.DeserializeState(bytes).Case as LoginState;

    public static PendingLogin? DeserializePendingLogin(byte[]? bytes) => bytes is null ? null : SessionSnapshots.DeserializePendingLogin(bytes).Case as PendingLogin;
}
