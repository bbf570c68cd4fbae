namespace Wix.Auth.Emulator;

/// <summary>A fault in force.</summary>
/// <param name="Id">Its ID, to remove it.</param>
/// <param name="Spec">What it does.</param>
/// <param name="Remaining">How many more requests it will hit; null for no limit.</param>
public sealed record ActiveFault(string Id, FaultSpec Spec, int? Remaining);
