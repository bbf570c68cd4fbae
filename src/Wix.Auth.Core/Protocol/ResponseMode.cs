namespace Wix.Auth.Core.Protocol;

/// <summary>How Wix returns the login's result to the redirect URI.</summary>
public enum ResponseMode
{
    /// <summary>In the URL fragment (<c>#code=…&amp;state=…</c>): Wix's default; only the browser sees it.</summary>
    Fragment,

    /// <summary>In the query (<c>?code=…&amp;state=…</c>): the server sees it.</summary>
    Query,

    /// <summary>By <c>window.postMessage</c> to the opener; never in a URL.</summary>
    WebMessage,
}
