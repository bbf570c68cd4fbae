using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Parsing;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Tests.Support;
using Wix.Auth.Emulator;
using static Wix.Auth.Effects.Tests.Support.Harness;

namespace Wix.Auth.Effects.Tests.Flows;

/// <summary>
/// With <c>ExpectedIssuer</c> set (RFC 9207), every public way of the façade to complete a login hands the core the
/// callback's <c>iss</c>: the callback that carries it completes the login; without it, the same callback is refused and
/// its login is still there. The emulator sends no <c>iss</c> (whether Wix does is unknown, docs/protocol.md), so each
/// test adds it to the callback as Wix would.
/// </summary>
public sealed class ExpectedIssuerTests
{
    public const string Issuer = "https://issuer.wix.example";

    public static TheoryData<string> Ways => ["CompleteLoginAsync(url)", "GetMemberTokensAsync(code, state, oauthData, iss)", "GetMemberTokensAsync(callback)", "CompleteCallbackAsync"];

    [Theory]
    [MemberData(nameof(Ways))]
    public async Task Each_way_to_complete_a_login_passes_the_callbacks_iss(string way)
    {
        await using var h = await StartAsync(configure: o => o.ExpectedIssuer = Issuer);
        var data = h.NewOAuthData();
        var callback = (await h.Browser.SignInAsync(Right(await h.Client.GetAuthUrlAsync(data, responseMode: ResponseMode.Query)), DemoData.Ada.Email, DemoData.Ada.Password)).AbsoluteUri;

        var without = await CompleteAsync(h, way, callback, data);
        var with = await CompleteAsync(h, way, callback + "&iss=" + Uri.EscapeDataString(Issuer), data);

        Assert.Equal("issuer_mismatch", without.Error?.Code);
        Assert.True(with.IsSuccess, with.ToString());
        Assert.True(await h.Client.LoggedInAsync());
    }

    private static async Task<Wix.Auth.AuthResult<Core.Credentials.Tokens, AuthError>> CompleteAsync(Harness h, string way, string callbackUrl, Core.OAuth.OAuthData data)
    {
        var parsed = Right(h.Client.ParseFromUrl(callbackUrl, ResponseMode.Query));
        return way switch
        {
            "CompleteLoginAsync(url)" => (await h.Client.CompleteLoginAsync(callbackUrl, data, ResponseMode.Query)).Map(login => login.Tokens),
            "GetMemberTokensAsync(code, state, oauthData, iss)" =>
                await h.Client.GetMemberTokensAsync(((CallbackParams.Granted)parsed).Code.Reveal(), parsed.State, data, parsed.Issuer),
            "GetMemberTokensAsync(callback)" => await h.Client.GetMemberTokensAsync(parsed, data.State),
            _ => (await h.Client.CompleteCallbackAsync(parsed, data.State)).Tokens,
        };
    }
}
