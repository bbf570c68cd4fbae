namespace Wix.Auth.Blazor;

/// <summary>Which of the browser's Web Storage areas keeps the session's state (its tokens).</summary>
/// <remarks>
/// Both survive a reload, and both can be read by any script that runs on the site's origin — an XSS can take the tokens
/// from either, so a Content-Security-Policy that keeps foreign scripts out matters more than the choice. They differ in
/// how long the tokens live and who shares them.
/// </remarks>
public enum BrowserStorage
{
    /// <summary>
    /// <c>sessionStorage</c>: one tab's, forgotten when the tab closes; a new tab starts without a member. The default: the
    /// shortest-lived place, so tokens left behind on a shared computer are gone with the tab.
    /// </summary>
    Session,

    /// <summary>
    /// <c>localStorage</c>: shared by every tab of the origin and kept after the browser closes, until logout — what a site
    /// that keeps its members logged in for days wants.
    /// </summary>
    Local,
}
