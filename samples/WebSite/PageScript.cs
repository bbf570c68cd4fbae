using System.Security.Cryptography;
using System.Text;

namespace Wix.Auth.Samples.WebSite;

/// <summary>A page's one inline script and the CSP source that allows exactly it (<c>'sha256-…'</c>).</summary>
/// <param name="Code">The script, as it goes between the tags.</param>
internal sealed record PageScript(string Code)
{
    /// <summary>The CSP hash source of <see cref="Code"/>.</summary>
    public string Hash { get; } = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Code)));
}
