namespace Wix.Auth.Tests.Shared.Docs;

/// <summary>
/// A STAND-IN for the part of .NET MAUI's <c>Microsoft.Maui.Authentication</c> API that docs/native.md uses: MAUI's
/// workloads are not installed where the tests run, so a block marked <c>&lt;!-- compile: maui-stand-in --&gt;</c> is
/// compiled against these declarations, which copy the real signatures (names, parameter and return types) and do
/// nothing. It proves the block is valid C# against that surface and against this library; it does not run it.
/// </summary>
internal static class MauiStandIn
{
    public const string Source = """
        namespace Microsoft.Maui.Authentication
        {
            public interface IWebAuthenticator
            {
                System.Threading.Tasks.Task<WebAuthenticatorResult> AuthenticateAsync(WebAuthenticatorOptions webAuthenticatorOptions);
            }

            public static class WebAuthenticator
            {
                public static IWebAuthenticator Default => throw new System.NotSupportedException("A stand-in for MAUI, for compiling the docs only.");
            }

            public class WebAuthenticatorOptions
            {
                public System.Uri? Url { get; set; }
                public System.Uri? CallbackUrl { get; set; }
                public bool PrefersEphemeralWebBrowserSession { get; set; }
            }

            public class WebAuthenticatorResult
            {
                public System.Collections.Generic.Dictionary<string, string> Properties { get; } = new();
            }
        }
        """;
}
