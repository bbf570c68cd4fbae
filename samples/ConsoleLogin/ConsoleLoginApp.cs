
namespace Wix.Auth.Samples.ConsoleLogin;

/// <summary>The console host, callable in-process (tests run it with <c>--no-browser</c> and read what it prints).</summary>
public static class ConsoleLoginApp
{
    /// <summary>Runs one command; returns the exit code (0 done, 1 failed, 2 bad command line).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Any(a => a is "--help" or "-h" or "help"))
        {
            output.WriteLine(ConsoleOptions.Usage);
            return 0;
        }
        var (options, error) = ConsoleOptions.Parse(args);
        if (options is null)
        {
            output.WriteLine(error);
            output.WriteLine(ConsoleOptions.Usage);
            return 2;
        }

        try
        {
            await using var target = await WixTarget.StartAsync(options, output, cancellationToken).ConfigureAwait(false);
            var store = new FileSessionStore(options.TokenFile);
            if (await store.CheckAsync(cancellationToken).ConfigureAwait(false) == TokenFileCondition.Corrupt)
                output.WriteLine($"The token file {store.Path} is not readable and is ignored; the next login moves it aside.");
            // The browser comes back from Wix's logout to a page of this command, unless told otherwise; an in-process
            // emulator has no logout page to send it to, so it needs none.
            using var loggedOut = options is { Command: "logout", PostLogoutUrl: null } && !target.IsInProcessEmulator ? new LoggedOutPage() : null;
            var postLogoutUrl = options.PostLogoutUrl ?? loggedOut?.Url ?? "http://127.0.0.1/";
            using var session = new ConsoleSession(target, store, output, !options.NoBrowser, options.Timeout, postLogoutUrl);
            return options.Command switch
            {
                "login" => await session.LoginAsync(options.Timeout, cancellationToken).ConfigureAwait(false),
                "whoami" => await session.WhoAmIAsync(cancellationToken).ConfigureAwait(false),
                _ => await session.LogoutAsync(loggedOut, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.WriteLine("Cancelled.");
            return 1;
        }
        catch (NotSupportedException e)   // a native build asked for the in-process emulator it leaves out
        {
            output.WriteLine(e.Message);
            return 2;
        }
    }
}
