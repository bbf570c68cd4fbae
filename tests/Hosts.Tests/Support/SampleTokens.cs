using Wix.Auth.Core.Flow;
using Wix.Auth.Core.OAuth;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Core.Secrets;
using Wix.Auth.Core.Credentials;
using static LanguageExt.Prelude;
using TokenPair = Wix.Auth.Core.Credentials.Tokens;

namespace Wix.Auth.Tests.Hosts.Support;

/// <summary>Recognisable values for store tests.</summary>
internal static class SampleTokens
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 1, 0, 0, TimeSpan.Zero);

    public static TokenPair Member(string suffix = "1") => new(
        new AccessToken(("access-" + suffix).AsSecret(), Now.AddHours(4)),
        new RefreshToken(("refresh-" + suffix).AsSecret(), TokenRole.Member));

    public static PendingLogin Pending(string state = "state-1", string? originalUri = "http://localhost:3000/account") => new(
        new OAuthData("http://127.0.0.1:5000/callback", originalUri, "verifier-1".AsSecret(), "challenge-1", state),
        Prompt.None, ResponseMode.Query, Now);
}
