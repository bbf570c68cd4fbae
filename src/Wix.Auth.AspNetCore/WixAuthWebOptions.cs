using Wix.Auth.Core.Protocol;

namespace Wix.Auth.AspNetCore;

/// <summary>What the web host adds to the login client's settings: cookies, paths, response mode, where members may return to.</summary>
public sealed class WixAuthWebOptions
{
    /// <summary>The member-session cookie: an opaque random id; the tokens stay on the server. Default <c>wix.session</c>.</summary>
    public string SessionCookieName { get; set; } = "wix.session";

    /// <summary>The cookie that binds a pending login to the browser that began it. Default <c>wix.login</c>.</summary>
    public string PendingLoginCookieName { get; set; } = "wix.login";

    /// <summary>
    /// Where Wix puts the result: <see cref="ResponseMode.Query"/> (default; the server reads it) or
    /// <see cref="ResponseMode.Fragment"/> (Wix's default; a tiny page posts it to the server).
    /// </summary>
    public ResponseMode ResponseMode { get; set; } = ResponseMode.Query;

    /// <summary>
    /// The site's public origin (e.g. <c>https://shop.example.com</c>): every absolute URL the host sends or mails (the
    /// redirect URI, the post-logout URL, the password-reset link) starts with it. Null to use the concrete address the
    /// server listens on (<c>--urls http://127.0.0.1:5000</c>) that the request came to; required behind a proxy and when
    /// listening on a wildcard (<c>http://+:8080</c>). Never taken from the request's <c>Host</c>.
    /// </summary>
    public Uri? PublicOrigin { get; set; }

    /// <summary>
    /// More <c>Host</c> values (<c>host</c> or <c>host:port</c>) the login endpoints answer, e.g. the internal name a proxy
    /// forwards; URLs still start with <see cref="PublicOrigin"/>. The public origin's host and the server's listening
    /// addresses are always allowed; any other <c>Host</c> gets 400.
    /// </summary>
    public IList<string> AllowedHosts { get; } = [];

    /// <summary>
    /// Where a member goes when <c>returnUrl</c> is missing or refused, and after logout. Default <c>/</c>. A <c>returnUrl</c>
    /// may be local, on the site's origin, or on one of <c>WixAuthOptions.AllowedRedirectOrigins</c> — the one list.
    /// </summary>
    public string DefaultReturnPath { get; set; } = "/";

    /// <summary>
    /// How long a member's session is kept without being used, in memory or in Redis; each request that reads it starts
    /// the time again. Default 14 days.
    /// </summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Logins one client (an IPv4 address, an IPv6 /64) may begin per minute; more are answered 429 with <c>Retry-After</c>.
    /// Each login stores a pending login for <c>PendingLoginTtl</c> and calls Wix twice. Default 30.
    /// </summary>
    public int LoginsPerClientPerMinute { get; set; } = 30;

    /// <summary>
    /// Logins all clients together may begin per minute before only clients that have begun fewer than two this minute
    /// may: the budget cannot be used up to lock members out, and at most this plus 8,194 begin a minute. Default 1,200.
    /// The site's own forms share this budget with <see cref="FormAttemptsPerClientPerMinute"/> per client.
    /// </summary>
    public int LoginsPerMinute { get; set; } = 1200;

    /// <summary>
    /// The longest a member's request may spend on calls to Wix, retries included; past it the member gets the error page
    /// (503, <c>Retry-After</c>) instead of a hanging browser. Default 10 s.
    /// </summary>
    public TimeSpan WixTimeBudget { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Attempts at the site's own forms (login, sign-up, code, reset mail, new password) one client may make per minute;
    /// more are answered 429 with <c>Retry-After</c>. Default 10.
    /// </summary>
    public int FormAttemptsPerClientPerMinute { get; set; } = 10;

    /// <summary>
    /// True to answer a sign-up with an existing member's address exactly like a new one ("we mailed you a code"; every
    /// code is then wrong), so the sign-up form does not tell who is a member; the member is not told of the attempt.
    /// Default false: the form says the address is taken, which is friendlier to a member who forgot they signed up.
    /// A reset mail to an unknown address is always answered as sent.
    /// </summary>
    public bool HideExistingMembersAtSignUp { get; set; }

    /// <summary>
    /// The social logins the site offers, as <c>/auth/login?provider=…</c> names them: <c>google</c>, <c>facebook</c> (the
    /// SDK's names) and the IDs of the site's other connections. Any other provider is answered 400 without a call to Wix.
    /// Default <c>google</c> and <c>facebook</c>.
    /// </summary>
    public IList<string> IdentityProviders { get; } = ["google", "facebook"];

    /// <summary>
    /// The site's page with its own login, sign-up, verification and password forms (the demo's <c>/sign-in</c>): the forms
    /// come back to it as <c>?form=login|register|verify|reset|recover</c> with an <c>error</c> code or a <c>done</c> flag.
    /// Default <c>/sign-in</c>.
    /// </summary>
    public string MemberFormsPath { get; set; } = "/sign-in";
}
