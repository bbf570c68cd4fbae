using LanguageExt;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Snapshots;
using static LanguageExt.Prelude;

namespace Wix.Auth.Effects.Storage;

/// <summary>Bytes to and from the core's snapshots, for every store that keeps bytes; unreadable bytes give None.</summary>
internal static class StoredMapping
{
    public static byte[] Serialize(LoginState state) => SessionSnapshots.Serialize(state);

    public static byte[] Serialize(PendingLogin pending) => SessionSnapshots.Serialize(pending);

    public static Option<LoginState> DeserializeState(byte[]? bytes) => bytes is null ? None : SessionSnapshots.DeserializeState(bytes);

    public static Option<PendingLogin> DeserializePendingLogin(byte[]? bytes) => bytes is null ? None : SessionSnapshots.DeserializePendingLogin(bytes);
}
