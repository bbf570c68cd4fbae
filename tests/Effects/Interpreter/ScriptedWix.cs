using LanguageExt;
using Wix.Auth.Core.Credentials;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Protocol;
using Wix.Auth.Effects.Ports;

namespace Wix.Auth.Effects.Tests.Interpreter;

/// <summary>
/// An in-memory <see cref="IWixApi"/>: answers each kind of request as scripted, records every request in order, and
/// lets a test look at the world at the moment a request goes out (what was stored before the call).
/// </summary>
internal sealed class ScriptedWix : IWixApi
{
    public List<WixRequest> Requests { get; } = [];

    public Func<WixRequest, Either<WixError, TokenResponse>> Tokens { get; set; } = request => request switch
    {
        WixRequest.AnonymousGrant => new TokenResponse(new Core.Secrets.Secret("V-AT"), Prelude.Some(new Core.Secrets.Secret("V-RT")), 14_400),
        WixRequest.AuthorizationCodeGrant => new TokenResponse(new Core.Secrets.Secret("M-AT"), Prelude.Some(new Core.Secrets.Secret("M-RT")), 14_400),
        _ => new TokenResponse(new Core.Secrets.Secret("M-AT-2"), Prelude.None, 14_400),
    };

    public Func<WixRequest, Either<WixError, string>> Sessions { get; set; } = request => request switch
    {
        WixRequest.LoginSession => "https://wix.example/login?session=1",
        _ => "https://wix.example/logout?session=2",
    };

    /// <summary>Runs when a request goes out, before it is answered.</summary>
    public Func<WixRequest, ValueTask> OnRequest { get; set; } = _ => ValueTask.CompletedTask;

    public async ValueTask<AuthResult<TokenResponse, AuthError>> RequestTokensAsync(WixRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        await OnRequest(request);
        return Answer(Tokens(request));
    }

    public async ValueTask<AuthResult<string, AuthError>> CreateRedirectSessionAsync(WixRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        await OnRequest(request);
        return Answer(Sessions(request));
    }

    // As the port's contract says: what went wrong at Wix is a RemoteCallFailed.
    private static AuthResult<T, AuthError> Answer<T>(Either<WixError, T> scripted) =>
        scripted.Match(AuthResult<T, AuthError>.Success, error => new AuthError.RemoteCallFailed(error));
}
