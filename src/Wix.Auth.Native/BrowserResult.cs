namespace Wix.Auth;

/// <summary>How an <see cref="IBrowser"/> ended.</summary>
public enum BrowserResultType
{
    /// <summary>The browser reached the redirect URI: <see cref="BrowserResult.Response"/> is the full URL.</summary>
    Success,

    /// <summary>The member closed the browser or cancelled the login.</summary>
    UserCancel,

    /// <summary>The member did not come back within <see cref="BrowserOptions.Timeout"/>.</summary>
    Timeout,

    /// <summary>The browser could not be shown or could not return the answer; <see cref="BrowserResult.Error"/> says why.</summary>
    UnknownError,
}

/// <summary>What an <see cref="IBrowser"/> brought back: the callback URL, or why there is none.</summary>
public sealed record BrowserResult
{
    private BrowserResult(BrowserResultType resultType, string? response, string? error) => (ResultType, Response, Error) = (resultType, response, error);

    /// <summary>How the browser ended.</summary>
    public BrowserResultType ResultType { get; }

    /// <summary>For <see cref="BrowserResultType.Success"/>: the URL the browser was sent to, with Wix's answer in it.</summary>
    public string? Response { get; }

    /// <summary>For <see cref="BrowserResultType.UnknownError"/>: what went wrong, for people.</summary>
    public string? Error { get; }

    /// <summary>The browser reached the redirect URI: <paramref name="url"/>, with its query or fragment.</summary>
    public static BrowserResult Success(string url) => new(BrowserResultType.Success, url ?? throw new ArgumentNullException(nameof(url)), null);

    /// <summary>The member closed the browser or cancelled.</summary>
    public static BrowserResult UserCancel() => new(BrowserResultType.UserCancel, null, null);

    /// <summary>The member did not come back in time.</summary>
    public static BrowserResult Timeout() => new(BrowserResultType.Timeout, null, null);

    /// <summary>The browser failed for the reason <paramref name="error"/> (no secret in it: it may be logged).</summary>
    public static BrowserResult Failed(string error) => new(BrowserResultType.UnknownError, null, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>The result type and error; never the URL, which carries the authorization code.</summary>
    public override string ToString() => Error is null ? $"{nameof(BrowserResult)} {{ {ResultType} }}" : $"{nameof(BrowserResult)} {{ {ResultType}: {Error} }}";
}
