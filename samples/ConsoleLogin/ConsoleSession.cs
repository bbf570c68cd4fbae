using Wix.Auth.Core.Errors;

namespace Wix.Auth.Samples.ConsoleLogin;

/// <summary>The three commands, for one target and one token file. Never prints a token, code or verifier.</summary>
public sealed class ConsoleSession : IDisposable
{
    private readonly WixTarget target;
    private readonly FileSessionStore store;
    private readonly TextWriter output;
    private readonly bool openBrowser;
    private readonly HttpClient memberHttp;
    private readonly WixAuthClient client;
    private readonly string postLogoutUrl;
    private readonly TimeSpan loginTimeout;

    /// <summary>
    /// A session over <paramref name="target"/> whose state lives in <paramref name="store"/>; logging out returns the
    /// browser to <paramref name="postLogoutUrl"/>, whose origin the user chose on the command line and so is allowed.
    /// </summary>
    public ConsoleSession(WixTarget target, FileSessionStore store, TextWriter output, bool openBrowser, TimeSpan loginTimeout, string postLogoutUrl)
    {
        (this.target, this.store, this.output, this.openBrowser, this.postLogoutUrl, this.loginTimeout) = (target, store, output, openBrowser, postLogoutUrl, loginTimeout);
        var options = new WixAuthOptions
        {
            ClientId = target.ClientId,
            ApiBaseUrl = target.BaseUrl,
            // The pending login must outlive the wait for the browser.
            PendingLoginTtl = loginTimeout + TimeSpan.FromMinutes(1),
        };
        if (Uri.TryCreate(postLogoutUrl, UriKind.Absolute, out var back)) options.AllowedRedirectOrigins.Add(back.GetLeftPart(UriPartial.Authority));
        client = new WixAuthClient(options, tokens: store, sessionKey: target.SessionKey);
        memberHttp = new HttpClient(new WixAuthHandler(client) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = target.BaseUrl };
    }

    /// <summary>
    /// <c>login</c>: the loopback flow of RFC 8252. A member already logged in (and still accepted by Wix) is
    /// reported instead; a saved session that Wix no longer accepts is logged out first.
    /// </summary>
    public async Task<int> LoginAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (await client.LoggedInAsync(cancellationToken).ConfigureAwait(false))
        {
            var (member, problem, refused) = await MemberInfo.FetchAsync(memberHttp, cancellationToken).ConfigureAwait(false);
            if (member is not null) return Report($"Already logged in as {Describe(member)}. Run 'logout' first to switch members.", 0);
            // Only tokens Wix refused are dropped: an outage must not throw away a good session.
            if (!refused) return Report($"Could not check the saved session: {problem}. Try again later.", 1);
            output.WriteLine(target.IsInProcessEmulator
                ? "The saved session came from an earlier in-process emulator, which has ended; logging in again."
                : $"The saved session is no longer usable ({problem}); logging in again.");
            await client.LogoutAsync(postLogoutUrl, cancellationToken).ConfigureAwait(false);
        }

        using var browser = new SystemBrowser(new SystemBrowserOptions { Open = url => Show(url, "Log in", $"Waiting up to {timeout.TotalSeconds:0} s for the browser to come back…") });
        output.WriteLine($"Listening for the redirect on {browser.RedirectUri}");
        var login = await client.LoginAsync(browser, browser.RedirectUri, timeout, cancellationToken).ConfigureAwait(false);
        if (!login.IsSuccess) return Failed("The login did not complete", login);
        output.WriteLine($"Tokens saved to {store.Path}");
        var (loggedIn, why, _) = await MemberInfo.FetchAsync(memberHttp, cancellationToken).ConfigureAwait(false);
        if (loggedIn is null) return Report($"Logged in, but Wix could not say who: {why}.", 1);
        // The in-process emulator ends with this command: whoami will report the member it named now.
        if (target.IsInProcessEmulator) await SavedMember.SaveAsync(store.Path, loggedIn, cancellationToken).ConfigureAwait(false);
        return Report($"Logged in as {Describe(loggedIn)}.", 0);
    }

    /// <summary>
    /// <c>whoami</c>: asks Wix who the saved tokens belong to (refreshing them if they are about to expire). The
    /// in-process emulator that issued them ended with <c>login</c>, so there it reports whom <c>login</c> saw, and says so.
    /// </summary>
    public async Task<int> WhoAmIAsync(CancellationToken cancellationToken)
    {
        if (!await client.LoggedInAsync(cancellationToken).ConfigureAwait(false)) return Report("Not logged in. Run 'login'.", 1);
        if (target.IsInProcessEmulator)
        {
            if (await SavedMember.LoadAsync(store.Path, cancellationToken).ConfigureAwait(false) is not { } saved)
                return Report("The saved session came from an in-process emulator that has ended, and who it was is not known. Run 'login' again.", 1);
            output.WriteLine($"Logged in as {Describe(saved)}.");
            output.WriteLine("  (as 'login' saw it: the in-process emulator that issued these tokens ended with that command, so they were not checked"
                + " again; run `wix-emulator` and pass --emulator <url> to check them against a running emulator)");
            return 0;
        }
        var (member, problem, refused) = await MemberInfo.FetchAsync(memberHttp, cancellationToken).ConfigureAwait(false);
        if (member is not null) return Report($"Logged in as {Describe(member)}.", 0);
        if (!refused) return Report($"Could not ask Wix who is logged in: {problem}.", 1);
        return Report($"The saved session is not accepted: {problem}. Run 'login' again.", 1);
    }

    /// <summary>
    /// <c>logout</c>: forgets the tokens and sends the browser to Wix's logout URL, which ends the Wix session and comes
    /// back to the post-logout URL: to <paramref name="loggedOut"/>, when given, which it waits for.
    /// </summary>
    public async Task<int> LogoutAsync(LoggedOutPage? loggedOut, CancellationToken cancellationToken)
    {
        var member = await client.LoggedInAsync(cancellationToken).ConfigureAwait(false);
        // The flow forgets the tokens whatever happens at Wix; without a member it has nothing to ask Wix.
        var logoutUrl = await client.LogoutAsync(postLogoutUrl, cancellationToken).ConfigureAwait(false);
        SavedMember.Delete(store.Path);
        if (!member) return logoutUrl.IsSuccess ? Report("Not logged in; nothing to do.", 0) : Failed("Could not log out", logoutUrl);
        output.WriteLine($"Logged out; the tokens were removed from {store.Path}");
        // The browser session the member logged in with lived in an emulator that has ended: no page to send it to.
        if (target.IsInProcessEmulator) return Report("The in-process emulator that logged you in has ended, and its browser session with it: nothing more to do.", 0);
        if (!logoutUrl.TryGetValue(out var url))
            return Report("Wix could not create a logout link, so its browser session may still be active.", 0);
        Show(url, "End the Wix session too");
        if (loggedOut is null) return 0;
        output.WriteLine($"Waiting up to {loginTimeout.TotalSeconds:0} s for the browser to come back from Wix (Ctrl+C stops waiting)…");
        try
        {
            return await loggedOut.ShowOnceAsync(loginTimeout, cancellationToken).ConfigureAwait(false)
                ? Report("The browser is back: the Wix session has ended too.", 0)
                : Report("The browser did not come back; the Wix session may still be active in it.", 0);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Report("Stopped waiting; the Wix session may still be active in the browser.", 0);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        memberHttp.Dispose();
    }

    // The URL is printed whether or not a browser opens, so a member on another machine (or a test) can open it.
    private bool Show(string url, string action, string? then = null)
    {
        // xdg-open can start and still find no browser: say what was asked, and print the URL either way.
        if (openBrowser && SystemBrowser.OpenWithOperatingSystem(url))
            output.WriteLine($"{action}: asked the system browser to open this URL (open it yourself if no window appears):{Environment.NewLine}  {url}");
        else output.WriteLine($"{action}: open this URL in a browser:{Environment.NewLine}  {url}");
        if (then is not null) output.WriteLine(then);
        return true;
    }

    private int Failed<T>(string what, AuthResult<T, AuthError> result) =>
        Report(result.Error is { } error ? $"{what}: {error.Message} [{error.Code}]" : what, 1);

    private int Report(string message, int exitCode)
    {
        output.WriteLine(message);
        return exitCode;
    }

    private static string Describe(MemberInfo member) => member.Email.Length > 0 ? $"{member.Name} <{member.Email}>" : member.Name;
}
