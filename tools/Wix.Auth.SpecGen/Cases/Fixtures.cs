using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Flow;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Credentials;
using static LanguageExt.Prelude;

namespace Wix.Auth.SpecGen.Cases;

/// <summary>The fixed fake inputs every generated file is made from: change one and regenerate.</summary>
public static class Fixtures
{
    /// <summary>Time zero of every flow.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Wix's issuer as the host configures it (RFC 9207); every fixture callback carries it.</summary>
    public const string Issuer = "https://issuer.wix.example";

    /// <summary>The settings every flow runs under: default TTL and margin, one allowed origin besides the site's, an expected issuer.</summary>
    public static readonly FlowSettings Settings = new("spec-client-id") { AllowedOrigins = Seq1("https://partner.example"), ExpectedIssuer = Issuer };

    /// <summary>The site's redirect URI.</summary>
    public const string RedirectUri = "https://shop.example/callback";

    /// <summary>Where the member was before logging in.</summary>
    public const string OriginalUri = "https://shop.example/cart";

    /// <summary>Entropy of the first login (bytes 1, 8, 15, …).</summary>
    public static readonly byte[] EntropyA = Bytes(Pkce.RequiredEntropyBytes, 1, 7);

    /// <summary>Entropy of a second login.</summary>
    public static readonly byte[] EntropyB = Bytes(Pkce.RequiredEntropyBytes, 200, 13);

    /// <summary>The OAuth data of the first login.</summary>
    public static readonly OAuthData DataA = Pkce.GenerateOAuthData(RedirectUri, Some(OriginalUri), EntropyA).Match(d => d, _ => throw new InvalidOperationException());

    /// <summary>The OAuth data of the second login.</summary>
    public static readonly OAuthData DataB = Pkce.GenerateOAuthData(RedirectUri, Some(OriginalUri), EntropyB).Match(d => d, _ => throw new InvalidOperationException());

    /// <summary>The first login's pending login, as its login request stored it at time zero.</summary>
    public static readonly PendingLogin PendingA = new(DataA, Core.Protocol.Prompt.Login, Core.Protocol.ResponseMode.Fragment, T0);

    /// <summary>Visitor tokens as Wix grants them.</summary>
    public static readonly TokenResponse Visitor = new("visitor-access-1".AsSecret(), Some("visitor-refresh-1".AsSecret()), 14400);

    /// <summary>A member's tokens as the code exchange grants them.</summary>
    public static readonly TokenResponse Member = new("member-access-1".AsSecret(), Some("member-refresh-1".AsSecret()), 14400);

    /// <summary>A refresh's answer without a new refresh token: the old one is kept.</summary>
    public static readonly TokenResponse Refreshed = new("member-access-2".AsSecret(), None, 14400);

    /// <summary>Token info's answer for the member's access token: an active member's.</summary>
    public static readonly Core.Protocol.TokenInfoReply MemberTokenInfo = new(true, Some("MEMBER"), Some("spec-member-1"));

    /// <summary>The member the site's own form logged in, as Wix's answer named them.</summary>
    public static readonly Core.Protocol.MemberIdentity FormMember = new("spec-member-1", "spec-contact-1", "ada@example.com", true);

    /// <summary>The authorization code Wix sends back.</summary>
    public const string Code = "spec-authorization-code";

    /// <summary>Wix's login page for the session it created.</summary>
    public const string AuthUrl = "https://www.wix.example/oauth2/authorize?sessionId=spec-login-session";

    /// <summary>Wix's logout page for the session it created.</summary>
    public const string LogoutUrl = "https://www.wix.example/oauth2/logout?sessionId=spec-logout-session";

    /// <summary>A refusal: the request itself is wrong (4XX).</summary>
    public static readonly WixError Refused = new("invalid_grant", Some("The grant is invalid."), Some(400), Some("spec-request-1"));

    /// <summary>A transient failure: no response.</summary>
    public static readonly WixError Unavailable = WixError.Of(WixError.NetworkError);

    /// <summary>The moment <paramref name="seconds"/> after <see cref="T0"/>.</summary>
    public static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    /// <summary>A deterministic byte pattern: <c>start, start+step, …</c> modulo 256.</summary>
    public static byte[] Bytes(int count, int start, int step) =>
        Enumerable.Range(0, count).Select(i => (byte)((start + i * step) & 0xFF)).ToArray();
}
