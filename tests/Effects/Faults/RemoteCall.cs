namespace Wix.Auth.Effects.Tests.Faults;

/// <summary>The five calls the client makes to Wix.</summary>
public enum RemoteCall { VisitorTokens, LoginSession, CodeExchange, Refresh, LogoutSession }

/// <summary>The faults each call is put through: the emulator's, and a connection refused before the request left (once).</summary>
public enum Fault { LatencyPastTimeout, Status500, Status503RetryAfter, Status429RetryAfter, DroppedConnection, NonJsonBody, Status400, ConnectionRefused }
