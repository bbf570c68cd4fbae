using Wix.Auth.SpecGen.Cases;
using Wix.Auth.SpecGen.Outputs;

namespace Wix.Auth.SpecGen;

/// <summary>Every generated file of <c>spec/</c>, by path relative to it. The self-check compares these with the committed ones.</summary>
public static class SpecFiles
{
    /// <summary>The command that regenerates <c>spec/</c>, run from the repository root.</summary>
    public const string Command = "dotnet run --project tools/Wix.Auth.SpecGen -- spec";

    /// <summary>Path (with <c>/</c>) → exact text.</summary>
    public static IReadOnlyList<(string Path, string Text)> Generate()
    {
        var rows = TransitionTable.Rows;
        return
        [
            ("transitions.md", TableFiles.Markdown(rows)),
            ("transitions.json", TableFiles.Json(rows)),
            ("diagram.mmd", TableFiles.Mermaid(rows)),
            ("vectors/pkce.json", PkceVectors.Json()),
            ("vectors/parse.json", ParseVectors.Json()),
            ("vectors/flows.json", FlowVectors.Json(rows)),
            ("vectors/wire.json", WireVectors.Json(rows)),
            ("vectors/http.json", HttpVectors.Json()),
            ("vectors/queries.json", QueryVectors.Json()),
            ("vectors/urls.json", UrlVectors.Json()),
            ("forms-transitions.md", FormsTableFiles.Markdown(Forms.FormRow.All)),
            ("forms-transitions.json", FormsTableFiles.Json(Forms.FormRow.All)),
            ("vectors/forms.json", FormsVectors.Json(Forms.FormRow.All)),
            ("vectors/member-wire.json", MemberWireVectors.Json()),
        ];
    }
}
