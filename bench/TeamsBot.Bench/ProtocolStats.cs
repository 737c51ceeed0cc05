using System.Diagnostics;

namespace TeamsBot.Bench;

/// <summary>Percentiles (nearest rank, milliseconds) and throughput over a side's measured segments.</summary>
internal sealed record ProtocolStats(int Count, double Throughput, double P50, double P95, double P99, double Max, int Errors, int Timeouts, double CpuMicrosecondsPerReply)
{
    public static ProtocolStats Of(IReadOnlyList<ProtocolSegment> segments)
    {
        var ticks = segments.SelectMany(s => s.Latencies).Order().ToArray();
        var seconds = segments.Sum(s => s.Measured.TotalSeconds);
        double Ms(long t) => t * 1000.0 / Stopwatch.Frequency;
        double P(double q) => ticks.Length == 0 ? double.NaN : Ms(ticks[Math.Clamp((int)Math.Ceiling(q * ticks.Length) - 1, 0, ticks.Length - 1)]);
        return new ProtocolStats(ticks.Length, ticks.Length / seconds, P(0.50), P(0.95), P(0.99), ticks.Length == 0 ? double.NaN : Ms(ticks[^1]),
            segments.Sum(s => s.Errors), segments.Sum(s => s.Timeouts),
            ticks.Length == 0 ? double.NaN : segments.Sum(s => s.Cpu.TotalMicroseconds) / ticks.Length);
    }
}
