namespace Wix.Auth.Emulator;

/// <summary>How the <c>Authorization</c> header carried a token: Wix's SDK sends it bare, others add <c>Bearer </c>.</summary>
public enum AuthorizationKind
{
    /// <summary>No Authorization header.</summary>
    None,

    /// <summary>The bare token, as @wix/sdk sends it.</summary>
    Bare,

    /// <summary><c>Bearer &lt;token&gt;</c>.</summary>
    Bearer,
}
