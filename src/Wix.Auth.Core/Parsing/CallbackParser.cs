using LanguageExt;
using Wix.Auth.Core.Errors;
using Wix.Auth.Core.Secrets;
using static LanguageExt.Prelude;

using Wix.Auth.Core.Protocol;

namespace Wix.Auth.Core.Parsing;

/// <summary><c>parseFromUrl</c>: reads the login's result from the URL Wix sent the member back to.</summary>
public static class CallbackParser
{
    /// <summary>
    /// The longest callback URL accepted, in characters. Codes and states are well under 1 KiB; browsers and
    /// servers commonly cap URLs near 8 KiB, so anything longer is not from Wix.
    /// </summary>
    public const int MaxUrlLength = 8192;

    /// <summary>
    /// Parses <paramref name="url"/> as <c>@wix/sdk</c>'s <c>parseFromUrl</c> does, but stricter: a protocol
    /// parameter (<c>code</c>, <c>state</c>, <c>error</c>, <c>error_description</c>, <c>iss</c>) present twice is
    /// rejected (RFC 6749 §3.1), and so is a URL longer than <see cref="MaxUrlLength"/>. Total: never throws.
    /// </summary>
    /// <remarks>An <c>error</c> wins over a <c>code</c>: a response that carries both is an error response.</remarks>
    public static Either<AuthError, CallbackParams> ParseFromUrl(string? url, ResponseMode responseMode = ResponseMode.Fragment)
    {
        if (url is null) return new AuthError.InvalidUrl();
        if (url.Length > MaxUrlLength) return new AuthError.UrlTooLong(MaxUrlLength);
        if (responseMode == ResponseMode.WebMessage) return new AuthError.InvalidSettings("web_message responses arrive by postMessage, not in a URL.");
        var normalized = UrlComponents.Normalize(url);
        if (normalized is null) return new AuthError.InvalidUrl();

        var found = new Found();
        var pairs = UrlComponents.Component(normalized, responseMode);
        while (FormUrlEncoded.TryReadPair(ref pairs, out var name, out var value)) Collect(ref found, name, value);
        return found.Duplicate is { } duplicate ? new AuthError.DuplicateParameter(duplicate) : Interpret(found);
    }

    private static Either<AuthError, CallbackParams> Interpret(Found p)
    {
        var issuer = p.Iss;
        if (!string.IsNullOrEmpty(p.Error))
            return new CallbackParams.Denied(p.Error, p.ErrorDescription ?? "", p.State ?? "", issuer);
        if (string.IsNullOrEmpty(p.Code)) return new AuthError.MissingParameter("code");
        if (string.IsNullOrEmpty(p.State)) return new AuthError.MissingParameter("state");
        return new CallbackParams.Granted(p.Code.AsSecret(), p.State, issuer);
    }

    // A name is decoded at most once, and only when it holds an escape or a '+': the usual names compare as they are.
    private static void Collect(ref Found found, ReadOnlySpan<char> rawName, ReadOnlySpan<char> value)
    {
        var name = FormUrlEncoded.NeedsDecoding(rawName) ? FormUrlEncoded.Decode(rawName).AsSpan() : rawName;
        switch (name)
        {
            case "code": Set(ref found.Code, "code", value, ref found); break;
            case "state": Set(ref found.State, "state", value, ref found); break;
            case "error": Set(ref found.Error, "error", value, ref found); break;
            case "error_description": Set(ref found.ErrorDescription, "error_description", value, ref found); break;
            case "iss": Set(ref found.Iss, "iss", value, ref found); break;
        }
    }

    private static void Set(ref string? slot, string name, ReadOnlySpan<char> value, ref Found found)
    {
        if (slot is not null) found.Duplicate ??= name;
        else slot = FormUrlEncoded.Decode(value);
    }

    private struct Found
    {
        public string? Code, State, Error, ErrorDescription, Iss, Duplicate;
    }
}
