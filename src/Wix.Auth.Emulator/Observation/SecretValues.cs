using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Wix.Auth.Emulator.Observation;

/// <summary>
/// The secret values the request log must never show, wherever a client puts them: every token and code the emulator
/// issues (recognised by their shape, <c>emu-…-</c> and 256 random bits, so none needs remembering), and the values it
/// was told or received as secrets (members' passwords, API keys, verification codes, code verifiers, client secrets).
/// Bounded: the configured secrets stay, the others are forgotten oldest first past the capacity. Thread-safe.
/// </summary>
internal sealed partial class SecretValues
{
    /// <summary>Shorter values are not masked wherever they appear: a one-letter password would mask every such letter.</summary>
    public const int MinLength = 4;

    private readonly HashSet<string> pinned;
    private readonly ConcurrentDictionary<string, byte> recent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();
    private readonly int capacity;

    /// <param name="pinned">Secrets known from the start (configured passwords and API keys), never forgotten.</param>
    /// <param name="capacity">How many other secrets it remembers.</param>
    public SecretValues(IEnumerable<string> pinned, int capacity)
    {
        this.pinned = new HashSet<string>(pinned.Where(IsMaskable), StringComparer.Ordinal);
        this.capacity = capacity;
    }

    /// <summary>Remembers a secret the emulator issued or received; issued tokens need not be added.</summary>
    public void Add(string? value)
    {
        if (value is null || !IsMaskable(value) || pinned.Contains(value) || Issued().IsMatch(value) || !recent.TryAdd(value, 0))
            return;
        order.Enqueue(value);
        while (recent.Count > capacity && order.TryDequeue(out var oldest)) recent.TryRemove(oldest, out _);
    }

    /// <summary>The text with every known secret in it replaced by <see cref="SecretMasker.Mask"/>.</summary>
    public string Mask(string text)
    {
        if (text.Length < MinLength) return text;
        // Spans, not successive replacements: with "love" and "lovelace" both secret, replacing "love" first would
        // leave "***lace" and the longer one unmatched.
        var spans = new List<(int Start, int End)>();
        foreach (Match match in Issued().Matches(text)) spans.Add((match.Index, match.Index + match.Length));
        foreach (var value in pinned) Find(text, value, spans);
        foreach (var (value, _) in recent) Find(text, value, spans);
        return spans.Count == 0 ? text : Masked(text, spans);
    }

    private static bool IsMaskable(string value) => value.Length >= MinLength;

    private static void Find(string text, string value, List<(int, int)> spans)
    {
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
            if (value.Length >= WholeWordBelow || IsWholeWord(text, at, at + value.Length)) spans.Add((at, at + value.Length));
    }

    // A short secret (a six-digit code, a short password) also occurs by chance inside other words: "123456" in the
    // phone number "+15551234567". It is masked only where it stands alone; a long one wherever it appears.
    private const int WholeWordBelow = 16;

    private static bool IsWholeWord(string text, int start, int end) =>
        (start == 0 || !char.IsLetterOrDigit(text[start - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]));

    private static string Masked(string text, List<(int Start, int End)> spans)
    {
        spans.Sort();
        var result = new StringBuilder(text.Length);
        var done = 0;
        foreach (var (start, end) in spans)
        {
            if (end <= done) continue;
            if (start >= done) result.Append(text, done, start - done).Append(SecretMasker.Mask);
            done = end;
        }
        return result.Append(text, done, text.Length - done).ToString();
    }

    // What Secrets.New makes for every token and code the emulator issues (prefix emu-, 43 base64url characters).
    [GeneratedRegex("emu-[a-z]+-[A-Za-z0-9_-]{43}", RegexOptions.CultureInvariant)]
    private static partial Regex Issued();
}
