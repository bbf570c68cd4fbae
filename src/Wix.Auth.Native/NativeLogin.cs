using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth;

/// <summary>The managed-login flow of a native app in one call, like OidcClient's <c>LoginAsync</c>.</summary>
public static class NativeLogin
{
    /// <summary>How long a member has to log in unless told otherwise: 5 minutes, within the default pending-login TTL.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Logs a member in: <c>GenerateOAuthData</c> for <paramref name="redirectUri"/>, <c>GetAuthUrl</c> (response mode
    /// <c>query</c>), the login page in <paramref name="browser"/>, then <c>CompleteLoginAsync</c> with the URL it brings
    /// back; the member's tokens are kept in the client's session store, and the result says who logged in. Every expected end is a result: Wix's refusal
    /// or the member's <em>Cancel</em> on Wix's page (<c>authorization_denied</c>), the browser closed or
    /// <paramref name="cancellationToken"/> cancelled (<c>login_cancelled</c>), no answer within <paramref name="timeout"/>
    /// (<c>login_timed_out</c>), a browser that failed (<c>browser_failed</c>).
    /// </summary>
    /// <param name="client">The client whose session the member logs in to.</param>
    /// <param name="browser">Shows the login page and brings back the callback URL.</param>
    /// <param name="redirectUri">
    /// A redirect URI of the OAuth app that <paramref name="browser"/> receives (<see cref="SystemBrowser.RedirectUri"/>,
    /// <c>myapp://callback</c>). Null: <see cref="WixAuthOptions.RedirectUri"/>.
    /// </param>
    /// <param name="timeout">How long the member has; default <see cref="DefaultTimeout"/>. Keep it below <see cref="WixAuthOptions.PendingLoginTtl"/>.</param>
    /// <param name="cancellationToken">Ends the login early, with <c>login_cancelled</c>.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="redirectUri"/> is not a valid redirect URI (or there is none), or <paramref name="timeout"/> is not positive.
    /// </exception>
    /// <example>
    /// <code>
    /// var client = new WixAuthClient(new WixAuthOptions { ClientId = "&lt;client id&gt;" });
    /// using var browser = new SystemBrowser();
    /// var login = await client.LoginAsync(browser, browser.RedirectUri, TimeSpan.FromMinutes(2));
    /// Console.WriteLine(login.IsSuccess ? $"Logged in as {login.Value.MemberId}." : $"Not logged in: {login.Error.Message} [{login.Error.Code}]");
    /// </code>
    /// </example>
    public static async Task<AuthResult<MemberLogin, AuthError>> LoginAsync(
        this WixAuthClient client, IBrowser browser, string? redirectUri = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(browser);
        var limit = timeout ?? DefaultTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeout));
        var oauthData = client.GenerateOAuthData(redirectUri);
        try
        {
            var authUrl = await client.GetAuthUrlAsync(oauthData, Prompt.Login, ResponseMode.Query, cancellationToken).ConfigureAwait(false);
            if (!authUrl.TryGetValue(out var url, out var error)) return error;

            // The browser is given the timeout, and held to it: one that ignores it is cancelled when it passes.
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(limit);
            BrowserResult answer;
            try
            {
                answer = await browser.InvokeAsync(new BrowserOptions(url, oauthData.RedirectUri) { Timeout = limit, State = oauthData.State }, deadline.Token)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return new AuthError.LoginTimedOut(limit);
            }

            return answer.ResultType switch
            {
                BrowserResultType.Success when answer.Response is { } callbackUrl =>
                    await client.CompleteLoginAsync(callbackUrl, oauthData, ResponseMode.Query, cancellationToken).ConfigureAwait(false),
                BrowserResultType.UserCancel => new AuthError.LoginCancelled(),
                BrowserResultType.Timeout => new AuthError.LoginTimedOut(limit),
                _ => new AuthError.BrowserFailed(answer.Error ?? "no answer"),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new AuthError.LoginCancelled();
        }
    }
}
