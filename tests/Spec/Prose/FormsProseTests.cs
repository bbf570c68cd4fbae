using Wix.Auth.Core.Members;
using Wix.Auth.SpecGen.Outputs;
using Wix.Auth.Tests.Shared;
using Xunit;

namespace Wix.Auth.Tests.Spec.Prose;

/// <summary>spec/forms.md states the defaults and the error codes that the code and the generated files hold.</summary>
public sealed class FormsProseTests
{
    private static readonly string Page = File.ReadAllText(RepoRoot.File("spec", "forms.md"));

    [Fact]
    public void The_settings_line_is_the_defaults_as_generated() =>
        Assert.Contains("Settings and their defaults: " + FormsTableFiles.Settings(new MemberFormSettings()) + ".", Page, StringComparison.Ordinal);

    [Fact]
    public void Every_error_code_a_form_or_an_answer_can_give_is_named()
    {
        var codes = typeof(MemberAuthError).GetNestedTypes().Where(t => t.IsSubclassOf(typeof(MemberAuthError)) && t.Name != "NoResult")
            .Select(t => System.Text.RegularExpressions.Regex.Replace(t.Name, "(?<=[a-z])([A-Z])", "_$1").ToLowerInvariant());
        foreach (var code in codes) Assert.Contains($"`{code}`", Page, StringComparison.Ordinal);
    }
}
