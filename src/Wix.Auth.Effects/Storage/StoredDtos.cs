using Wix.Auth.Core.Snapshots;

namespace Wix.Auth;

/// <summary>The whole token file: one session snapshot per session key.</summary>
internal sealed class TokenFileDto
{
    /// <summary>The file's format: 2 holds session snapshots; 1 held bare token pairs, which still load (they are version-0 snapshots).</summary>
    public int Version { get; set; } = 2;

    public Dictionary<string, SessionSnapshot>? Sessions { get; set; }
}
