using System.Collections.Concurrent;
using System.Globalization;

namespace Bot.Bench;

/// <summary>What one phase measured: per-turn latencies, wall time, and delivery faults.</summary>
internal sealed class DeliveryStats(string name)
{
    private readonly ConcurrentBag<double> _latencies = [];
    private int _lost, _duplicated, _errors;

    public string Name { get; } = name;
    public TimeSpan Elapsed { get; set; }

    /// <summary>CPU time the bench process used while the phase's clock ran (clients and server together).</summary>
    public TimeSpan Cpu { get; set; }

    /// <summary>Methods the JIT compiled while the phase's clock ran (tiered compilation promoting code late).</summary>
    public long JitMethods { get; set; }

    public void Turn(TimeSpan latency) => _latencies.Add(latency.TotalMilliseconds);
    public void Lost(int count) => Interlocked.Add(ref _lost, count);
    public void Duplicated(int count) => Interlocked.Add(ref _duplicated, count);
    public void Error() => Interlocked.Increment(ref _errors);

    public int Faults => _lost + _duplicated + _errors;

    /// <summary>A table row; the last column is this phase's throughput relative to <paramref name="ceiling"/> (turns/s).</summary>
    public string Row(double ceiling)
    {
        var sorted = _latencies.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        var throughput = sorted.Length / Elapsed.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {Name} | {sorted.Length} | {_errors} | {_lost} | {_duplicated} | {P(0.5):0.0} | {P(0.99):0.0} | {throughput:0} | {throughput / ceiling:P1} | {CpuPerTurnMicroseconds:0} |");
    }

    public double Throughput => _latencies.Count / Elapsed.TotalSeconds;

    public double CpuPerTurnMicroseconds => _latencies.IsEmpty ? double.NaN : Cpu.TotalMicroseconds / _latencies.Count;

    public const string Header = "| path | turns | errors | lost | duplicated | p50 ms | p99 ms | turns/s | of bare | CPU µs/turn |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
}
