namespace Wix.Auth.Tests.Spec.Replay;

/// <summary>The replays' clock: whatever time the step being replayed says.</summary>
internal sealed class StepClock : TimeProvider
{
    public DateTimeOffset Now { get; set; }

    public override DateTimeOffset GetUtcNow() => Now;
}
