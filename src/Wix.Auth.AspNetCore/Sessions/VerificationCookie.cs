using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Wix.Auth.Core.Members;
using Wix.Auth.Core.Snapshots;

namespace Wix.Auth.AspNetCore.Sessions;

/// <summary>
/// The browser carries its own pending verification (the core's snapshot), encrypted and signed, until the core's expiry:
/// the server keeps nothing for a form that was never finished, and no visitor can continue another's verification.
/// </summary>
internal sealed class VerificationCookie(IDataProtectionProvider protection, IOptions<WixAuthWebOptions> web)
{
    private readonly IDataProtector protector = protection.CreateProtector("Wix.Auth.AspNetCore.Verification.v2");

    public void Write(HttpContext context, string path, PendingVerification verification, TimeSpan timeToLive) =>
        context.Response.Cookies.Append(Name(context.Request), protector.Protect(Encoding.UTF8.GetString(VerificationSnapshots.Serialize(verification))),
            SiteCookie.Options(context.Request, web.Value, path, timeToLive));

    /// <summary>The verification, or null when the cookie is missing, tampered with, or made with an unknown key.</summary>
    public PendingVerification? Read(HttpContext context)
    {
        if (context.Request.Cookies[Name(context.Request)] is not { Length: > 0 } text) return null;
        try
        {
            return VerificationSnapshots.Deserialize(Encoding.UTF8.GetBytes(protector.Unprotect(text))).Case as PendingVerification;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    public void Delete(HttpContext context, string path) =>
        context.Response.Cookies.Delete(Name(context.Request), SiteCookie.Options(context.Request, web.Value, path));

    private string Name(HttpRequest request) => SiteCookie.Name(request, web.Value, web.Value.PendingLoginCookieName + ".verify");
}
