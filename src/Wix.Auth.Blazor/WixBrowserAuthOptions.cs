using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Blazor;

/// <summary>How the browser host runs the login: where Wix returns, how, and where the tokens are kept.</summary>
public sealed class WixBrowserAuthOptions
{
    /// <summary>The app's callback page, relative to its base URI; registered with the OAuth app. Default <c>authentication/callback</c>.</summary>
    public string CallbackPath { get; set; } = "authentication/callback";

    /// <summary>
    /// Where Wix puts <c>code</c> and <c>state</c>: <see cref="ResponseMode.Fragment"/> (the default, Wix's own) keeps them out
    /// of every server's logs, since a fragment is never sent; <see cref="ResponseMode.Query"/> puts them in the query.
    /// </summary>
    public ResponseMode ResponseMode { get; set; } = ResponseMode.Fragment;

    /// <summary>Wix's login prompt. Default <see cref="Prompt.Login"/>.</summary>
    public Prompt Prompt { get; set; } = Prompt.Login;

    /// <summary>Where the session's state, and so the member's tokens, is kept. Default <see cref="BrowserStorage.Session"/>.</summary>
    public BrowserStorage TokenStorage { get; set; } = BrowserStorage.Session;

    /// <summary>
    /// How long <see cref="WixBrowserLogin.GetMemberTokensForDirectLoginAsync"/> waits for the hidden frame's answer.
    /// Default <see cref="Core.Parsing.WebMessageListener.DefaultTimeout"/> (120 s, as <c>@wix/sdk</c>).
    /// </summary>
    public TimeSpan DirectLoginTimeout { get; set; } = Core.Parsing.WebMessageListener.DefaultTimeout;
}
