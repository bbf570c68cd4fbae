namespace Wix.Auth.Conformance;

/// <summary>The adapter stopped answering (it exited, or an answer took longer than the timeout): the run cannot go on.</summary>
public sealed class AdapterGone(string message) : Exception(message);
