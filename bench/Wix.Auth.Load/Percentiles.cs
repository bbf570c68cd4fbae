namespace Wix.Auth.Load;

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile <paramref name="p"/> (0–1) of <paramref name="sorted"/>; NaN when empty.</summary>
    public static double Of(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
