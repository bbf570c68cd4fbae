using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Blazor;

/// <summary>
/// The seed's browser flow, run where the page runs it: <see cref="LoginAsync"/> generates the OAuth data, keeps it in this
/// tab, gets the login URL and sends the window there; <see cref="CompleteLoginAsync"/> on the callback page reads
/// <c>code</c> and <c>state</c> from the address (the core's <c>ParseFromUrl</c>), wipes them from the address bar and the
/// history at once, and has the core check and exchange them; <see cref="LogoutAsync"/> sends the window through Wix's
/// logout URL; <see cref="GetMemberTokensForDirectLoginAsync"/> turns a login with the site's own form into member tokens
/// in a hidden frame, without leaving the page. Every decision is the core's, through the same <see cref="WixAuthClient"/> as every other host.
/// </summary>
public sealed class WixBrowserLogin
{
    private readonly WixAuthClient client;
    private readonly NavigationManager navigation;
    private readonly LoginTickets tickets;
    private readonly WixBrowserAuthOptions options;
    private readonly FlowSettings settings;
    private readonly TimeProvider time;
    private readonly IJSRuntime js;

    internal WixBrowserLogin(
        WixAuthClient client, NavigationManager navigation, LoginTickets tickets, IOptions<WixBrowserAuthOptions> options,
        IOptions<WixAuthOptions> wix, TimeProvider time, IJSRuntime js)
    {
        (this.client, this.navigation, this.tickets, this.time, this.js) = (client, navigation, tickets, time, js);
        this.options = options.Value;
        settings = wix.Value.ToFlowSettings();
    }

    /// <summary>The redirect URI of this app: its callback page, absolute.</summary>
    public string RedirectUri => navigation.ToAbsoluteUri(options.CallbackPath).AbsoluteUri;

    /// <summary>
    /// Begins a login: the OAuth data is kept in this tab (<c>sessionStorage</c>) and the window goes to Wix's login page.
    /// A failure (Wix unreachable, a member already logged in, storage refused) is returned and the window stays.
    /// </summary>
    /// <param name="returnUrl">Where to return after the login: local, or on this app's origin. Default: the current page.</param>
    /// <param name="cancellationToken">Cancels the calls to Wix.</param>
    /// <returns>The login URL the window is being sent to.</returns>
    public async Task<AuthResult<string, AuthError>> LoginAsync(string? returnUrl = null, CancellationToken cancellationToken = default)
    {
        var oauthData = client.GenerateOAuthData(RedirectUri, returnUrl ?? navigation.Uri);
        try
        {
            await tickets.SaveAsync(new LoginTicket(oauthData.State, time.GetUtcNow()), cancellationToken);
        }
        catch (Effects.Ports.StoreUnavailableException)
        {
            return new AuthError.StoreUnavailable();
        }
        var authUrl = await client.GetAuthUrlAsync(oauthData, options.Prompt, options.ResponseMode, cancellationToken);
        if (authUrl.IsSuccess) navigation.NavigateTo(authUrl.Value, forceLoad: true);
        return authUrl;
    }

    /// <summary>
    /// Completes the login the current address answers (the callback page calls it once). The code and state leave the
    /// address bar and the history before anything else, so neither a reload, the back button nor a copied link sends
    /// them again. On success the window goes to the login's return URL.
    /// </summary>
    /// <returns>Where the member is being sent, or why there is no member: Wix's error, a login this tab did not begin
    /// (<c>no_pending_login</c>, <c>state_mismatch</c>), one used already, an expired one.</returns>
    public async Task<AuthResult<string, AuthError>> CompleteLoginAsync(CancellationToken cancellationToken = default)
    {
        var callbackUrl = navigation.Uri;
        var parsed = client.ParseFromUrl(callbackUrl, options.ResponseMode);
        navigation.NavigateTo(new Uri(callbackUrl).GetLeftPart(UriPartial.Path), new NavigationOptions { ReplaceHistoryEntry = true });
        if (!parsed.IsSuccess) return parsed.Error!;

        LoginTicket? ticket;
        LoginCompletion completion;
        try
        {
            ticket = await tickets.ReadAsync(cancellationToken);
            if (ticket is null) return new AuthError.NoPendingLogin();
            completion = await client.CompleteCallbackAsync(parsed.Value, ticket.State, cancellationToken);
            var result = completion.Tokens;
            if (result.IsSuccess || !LoginQueries.KeepsLoginTicket(result.Error)) await tickets.DeleteAsync(cancellationToken);
        }
        catch (Effects.Ports.StoreUnavailableException)
        {
            return new AuthError.StoreUnavailable();
        }
        if (!completion.Tokens.IsSuccess) return LoginQueries.WhyLoginFailed(settings, completion.Tokens.Error, ticket.IssuedAt, time.GetUtcNow());

        var target = completion.ReturnTo ?? navigation.BaseUri;
        navigation.NavigateTo(target, new NavigationOptions { ReplaceHistoryEntry = true });
        return target;
    }

    /// <summary>
    /// <c>getMemberTokensForDirectLogin</c>: the member logged in with the site's own form
    /// (<see cref="MemberAuthClient.LoginAsync"/>), and this makes them the session's member without leaving the page. The
    /// login URL (session token, <c>prompt=none</c>, <c>web_message</c>) is loaded in a hidden frame; of the messages the
    /// window receives, only one from the login URL's origin with this login's state counts (the core's
    /// <see cref="WebMessageListener"/>), and its code is exchanged as any callback's. The frame and the listener are
    /// removed however the wait ends.
    /// </summary>
    /// <param name="loggedIn">What the form's login answered.</param>
    /// <param name="cancellationToken">Ends the wait and the calls to Wix.</param>
    /// <returns>The member's login (tokens, now the session's, and who they are), or why not: Wix's error (<c>authorization_denied</c>, e.g. an
    /// expired session token), <c>login_timed_out</c> after <see cref="WixBrowserAuthOptions.DirectLoginTimeout"/>,
    /// <c>missing_parameter</c> for an answer with neither code nor error, <c>browser_failed</c> when the page's script could
    /// not run, or the failure to start the login.</returns>
    public async Task<AuthResult<MemberLogin, AuthError>> GetMemberTokensForDirectLoginAsync(
        MemberAuthStep.LoggedIn loggedIn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(loggedIn);
        var oauthData = client.GenerateOAuthData(RedirectUri);
        var authUrl = await client.GetAuthUrlAsync(oauthData, loggedIn, ResponseMode.WebMessage, cancellationToken);
        if (!authUrl.IsSuccess) return authUrl.Error!;
        var listener = WebMessageListener.For(authUrl.Value, oauthData.State, time.GetUtcNow(), options.DirectLoginTimeout);
        if (listener.Case is AuthError invalid) return invalid;

        WebMessageOutcome answer;
        try
        {
            answer = await WebMessageFrame.WaitAsync(js, authUrl.Value, (WebMessageListener)listener.Case!, time, cancellationToken);
        }
        catch (JSException e)
        {
            return new AuthError.BrowserFailed($"the web_message frame could not be opened ({e.GetType().Name})");
        }
        if (answer is WebMessageOutcome.Answered answered)
        {
            var tokens = await client.GetMemberTokensAsync(answered.Callback, oauthData.State, cancellationToken);
            return tokens.IsSuccess ? await client.MemberLoginAsync(tokens.Value, cancellationToken) : tokens.Error;
        }
        return answer switch
        {
            WebMessageOutcome.Malformed malformed => malformed.Error,
            _ => new AuthError.LoginTimedOut(options.DirectLoginTimeout),
        };
    }

    /// <summary>
    /// Logs the member out: the tokens are forgotten here at once, and the window goes through Wix's logout URL (which ends
    /// the member's Wix session) to <paramref name="postLogoutUrl"/>.
    /// </summary>
    /// <param name="postLogoutUrl">Local, or on this app's origin. Default: the app's base.</param>
    /// <param name="cancellationToken">Cancels the call to Wix.</param>
    public async Task<AuthResult<string, AuthError>> LogoutAsync(string? postLogoutUrl = null, CancellationToken cancellationToken = default)
    {
        var logoutUrl = await client.LogoutAsync(postLogoutUrl ?? navigation.BaseUri, RedirectUri, cancellationToken);
        if (logoutUrl.IsSuccess) navigation.NavigateTo(logoutUrl.Value, forceLoad: true);
        return logoutUrl;
    }
}
