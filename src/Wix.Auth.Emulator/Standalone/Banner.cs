namespace Wix.Auth.Emulator;

/// <summary>What the standalone emulator prints at start: where it listens and what it can be logged in with.</summary>
internal static class Banner
{
    public static void Print(TextWriter output, IEnumerable<string> urls, EmulatorOptions options)
    {
        output.WriteLine("Wix auth emulator");
        foreach (var url in urls) output.WriteLine($"  listening on       {url}  (use it in place of https://www.wixapis.com)");
        foreach (var app in options.Apps)
        {
            output.WriteLine($"  client ID          {app.ClientId}");
            foreach (var uri in app.RedirectUris) output.WriteLine($"    redirect URI     {uri}");
            if (app.AllowLoopbackRedirectOnAnyPort)
                output.WriteLine("    loopback         http://127.0.0.1:{any port}/… matches a registered 127.0.0.1 URI (RFC 8252)");
            output.WriteLine($"    logout domains   {string.Join(", ", app.PostLogoutDomains)}");
        }
        foreach (var member in options.Members)
            output.WriteLine($"  member             {member.Email} / {member.Password}  ({member.Nickname})");
        output.WriteLine($"  access tokens live {(long)options.AccessTokenLifetime.TotalSeconds} s; admin API at /_emulator");
        foreach (var url in urls) output.WriteLine($"  mailed codes       {url.TrimEnd('/')}/_emulator/outbox  (sign-up and password-reset mails)");
        if (urls.Any(IsAnyAddress))
            output.WriteLine("  WARNING            listening on every network interface: anyone who can reach this machine can log in as the"
                + " demo members, read the request log and inject faults. Use --urls http://127.0.0.1:PORT unless you mean it.");
        output.Flush();
    }

    // Kestrel's wildcards and the unspecified addresses: the emulator is then reachable from the network.
    private static bool IsAnyAddress(string url) =>
        url.Split("://", 2) is [_, var rest] && rest.Split('/')[0] is var authority
        && (authority.StartsWith("0.0.0.0", StringComparison.Ordinal) || authority.StartsWith("[::]", StringComparison.Ordinal)
            || authority.StartsWith('*') || authority.StartsWith('+'));
}
