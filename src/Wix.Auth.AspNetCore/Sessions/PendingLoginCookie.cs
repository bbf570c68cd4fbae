using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.Core.Protocol;

namespace Wix.Auth.AspNetCore.Sessions;

/// <summary>What the browser carries between login and callback: which pending login is its own (where to return is the pending login's).</summary>
/// <param name="State">The pending login's <c>state</c>; the callback's must equal it.</param>
/// <param name="IssuedAt">When the login began, to tell an expired login from one that never was.</param>
/// <param name="Prompt">What the login asked of Wix: a silent login's <c>login_required</c> returns quietly, anonymous.</param>
internal sealed record PendingLoginTicket(string State, DateTimeOffset IssuedAt, Prompt Prompt = Prompt.Login);

/// <summary>
/// The pending-login cookie: the ticket as plain text (<c>v1.{prompt}.{issued, Unix ms}.{state}</c>), HttpOnly, SameSite=Lax,
/// scoped to the auth paths (on HTTPS: <c>__Host-</c>, Secure, path <c>/</c>, as <see cref="SiteCookie"/> explains).
/// </summary>
/// <remarks>
/// Nothing in it is secret or needs a signature, so it costs no Data Protection and no shared key ring. The pending login
/// itself (verifier, redirect URI, where to return) stays in the store; the <c>state</c> already went through the
/// browser to Wix and back. What the cookie proves is that this browser began the login, and only someone able to set
/// this browser's cookies could fake that, who could as well plant a genuine signed ticket of a login of their own (the
/// correlation cookie of ASP.NET Core's OpenID Connect handler is plain for the same reason). Editing one's own ticket
/// changes one's own login: another state finds no pending login, another time or prompt only which error page shows.
/// </remarks>
internal sealed class PendingLoginCookie(IOptions<WixAuthWebOptions> options)
{
    private const string Version = "v1";

    // A state is generated (43 characters) or the host's; longer than this is nobody's ticket.
    private const int MaxLength = 1024;

    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>Binds <paramref name="ticket"/> to the browser for <paramref name="timeToLive"/>.</summary>
    public void Write(HttpContext context, string path, PendingLoginTicket ticket, TimeSpan timeToLive) =>
        context.Response.Cookies.Append(Name(context.Request), Format(ticket), SiteCookie.Options(context.Request, options.Value, path, timeToLive));

    /// <summary>The browser's ticket, or null when it has none or its text is not a ticket.</summary>
    public PendingLoginTicket? Read(HttpContext context) => Parse(context.Request.Cookies[Name(context.Request)]);

    /// <summary>Forgets the ticket: the callback of its own login uses it up, whatever the outcome.</summary>
    public void Delete(HttpContext context, string path) =>
        context.Response.Cookies.Delete(Name(context.Request), SiteCookie.Options(context.Request, options.Value, path));

    /// <summary>The cookie's text of <paramref name="ticket"/>.</summary>
    internal static string Format(PendingLoginTicket ticket) =>
        string.Create(CultureInfo.InvariantCulture, $"{Version}.{(int)ticket.Prompt}.{ticket.IssuedAt.ToUnixTimeMilliseconds()}.{ticket.State}");

    /// <summary>The ticket <paramref name="text"/> holds, or null for anything <see cref="Format"/> does not make.</summary>
    internal static PendingLoginTicket? Parse(string? text)
    {
        if (text is not { Length: > 0 and <= MaxLength }) return null;
        var rest = text.AsSpan();
        if (!Next(ref rest, out var version) || !version.SequenceEqual(Version)
            || !Next(ref rest, out var prompt) || !Next(ref rest, out var issued) || rest.IsEmpty) return null;
        if (prompt is not [>= '0' and <= '9' and var digit] || !Enum.IsDefined((Prompt)(digit - '0'))) return null;
        // ASCII digits only: no sign, no space, and a number too long for a long is refused by the parse itself.
        if (!long.TryParse(issued, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) || milliseconds > MaxUnixMilliseconds) return null;
        return new PendingLoginTicket(rest.ToString(), DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), (Prompt)(digit - '0'));
    }

    // The part before the next '.', and what follows it.
    private static bool Next(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> part)
    {
        var dot = rest.IndexOf('.');
        part = dot < 0 ? default : rest[..dot];
        rest = dot < 0 ? rest : rest[(dot + 1)..];
        return dot >= 0;
    }

    private string Name(HttpRequest request) => SiteCookie.Name(request, options.Value, options.Value.PendingLoginCookieName);
}
