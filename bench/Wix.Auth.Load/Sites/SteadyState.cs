namespace Wix.Auth.Load.Sites;

/// <summary>
/// Warm-up until steady (issue 24): whole rounds, every side in turn, until each side's last two rounds agree within a
/// tolerance (relative to the larger), so the rounds reported after it measure the code, not the JIT's tiers, the pools
/// or the connections settling.
/// </summary>
internal static class SteadyState
{
    /// <summary>The warm-up rounds run, and whether they settled before <paramref name="maxRounds"/>.</summary>
    /// <param name="sides">The sides, by name.</param>
    /// <param name="measureAsync">One round of a side: its figure (higher is better) and, for the log, a note.</param>
    /// <param name="maxRounds">At most this many rounds, settled or not.</param>
    /// <param name="tolerance">How close two rounds must be, e.g. 0.10.</param>
    public static async Task<(int Rounds, bool Settled)> WarmUpAsync<TSide>(
        IReadOnlyList<TSide> sides, Func<TSide, string> name, Func<TSide, int, Task<(double Figure, string Note)>> measureAsync, int maxRounds, double tolerance)
    {
        var (rounds, settled) = (0, false);
        Dictionary<string, double> previous = [];
        while (!settled && rounds < maxRounds)
        {
            rounds++;
            Dictionary<string, double> current = [];
            List<string> notes = [];
            foreach (var side in sides)
            {
                var (figure, note) = await measureAsync(side, rounds);
                current[name(side)] = figure;
                notes.Add($"{name(side)} {note}");
            }
            settled = previous.Count > 0 && current.All(c => Agree(previous[c.Key], c.Value, tolerance));
            Console.Error.WriteLine($"warm-up round {rounds}: {string.Join(", ", notes)}");
            previous = current;
        }
        return (rounds, settled);
    }

    private static bool Agree(double a, double b, double tolerance) => Math.Abs(a - b) <= tolerance * Math.Max(a, b);
}
