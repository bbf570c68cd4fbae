using System.Text.RegularExpressions;
using Wix.Auth.Tests.Shared;

namespace Wix.Auth.Tests.Spec.Prose;

/// <summary>
/// A Markdown page of <c>spec/</c> read the way the prose tests need it: its lines, its tables' rows as cells, and the
/// code spans of a passage. Every lookup fails loudly when the passage it looks for is gone, so a rewritten page cannot
/// silently turn a check into one that checks nothing.
/// </summary>
internal sealed partial class ProsePage(string name, string text)
{
    public string Name { get; } = name;

    public string Text { get; } = text;

    public static ProsePage Load(string name) => new(name, File.ReadAllText(RepoRoot.File(["spec", .. name.Split('/')])).Replace("\r\n", "\n"));

    /// <summary>The one line that contains <paramref name="marker"/>.</summary>
    public string Line(string marker)
    {
        var lines = Text.Split('\n').Where(l => l.Contains(marker, StringComparison.Ordinal)).ToList();
        return lines.Count == 1 ? lines[0] : throw new InvalidOperationException($"spec/{Name} has {lines.Count} lines containing '{marker}', not one.");
    }

    /// <summary>The text from <paramref name="start"/> up to the next blank line: one paragraph, list item or table.</summary>
    public string Passage(string start)
    {
        var at = Text.IndexOf(start, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"spec/{Name} has no passage starting '{start}'.");
        var end = Text.IndexOf("\n\n", at, StringComparison.Ordinal);
        return end < 0 ? Text[at..] : Text[at..end];
    }

    /// <summary>The body rows of the table whose header row starts with <paramref name="header"/>, as trimmed cells.</summary>
    public IReadOnlyList<string[]> Table(string header)
    {
        var lines = Passage(header).Split('\n');
        // A table inside a list item is indented.
        var rows = lines.Skip(2).Select(l => l.Trim()).Where(l => l.StartsWith('|')).Select(Cells).ToList();
        return rows.Count > 0 ? rows : throw new InvalidOperationException($"spec/{Name}: the table '{header}' has no rows.");
    }

    /// <summary>The body and header rows of every table on the page, as trimmed cells (separator rows left out).</summary>
    public IReadOnlyList<string[]> AllRows() =>
        [.. Text.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('|') && !l.StartsWith("| ---", StringComparison.Ordinal)).Select(Cells)];

    /// <summary>The contents of every <c>`code span`</c> in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> CodeSpans(string text) => [.. Span().Matches(text).Select(m => m.Groups[1].Value)];

    // Splits on '|' but not on an escaped "\|" (the table generator escapes pipes in cells).
    private static string[] Cells(string row) =>
        [.. Pipe().Split(row.Trim().Trim('|')).Select(c => c.Trim().Replace("\\|", "|"))];

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Span();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex Pipe();
}
