using System.Globalization;

namespace Bot.Bench;

/// <summary>Percentiles of a set of latencies in milliseconds.</summary>
internal sealed class Stats(IEnumerable<double> milliseconds)
{
    private readonly double[] _sorted = milliseconds.Order().ToArray();

    public int Count => _sorted.Length;

    public double Percentile(double p) => _sorted.Length == 0 ? double.NaN : _sorted[Math.Min(_sorted.Length - 1, (int)(p / 100 * _sorted.Length))];

    public string Describe() => string.Format(CultureInfo.InvariantCulture,
        "n={0} p50={1:F2} ms p90={2:F2} ms p99={3:F2} ms max={4:F2} ms", Count, Percentile(50), Percentile(90), Percentile(99), _sorted.LastOrDefault());
}
