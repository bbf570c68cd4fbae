namespace Wix.Auth.Effects.Ports;

/// <summary>A refresh lease while it is held: disposing it gives it back, unless it has already passed to another holder.</summary>
public interface IHeldRefreshLease : IAsyncDisposable
{
    /// <summary>The number this lease was granted with, larger than every one granted before; the refresh's write carries it.</summary>
    WriteFence Fence { get; }
}
