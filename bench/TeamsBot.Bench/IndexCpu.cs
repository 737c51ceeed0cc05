using System.Diagnostics;
using System.Globalization;

namespace TeamsBot.Bench;

/// <summary>
/// CPU time used so far by this process and by its child processes (Azurite's node), read from /proc on Linux. CPU time
/// tells whose work a load is even when the machine is busy with other things and wall-clock times are noisy.
/// </summary>
internal readonly record struct IndexCpu(TimeSpan Self, TimeSpan Children)
{
    public static IndexCpu Now()
    {
        using var self = Process.GetCurrentProcess();
        return new IndexCpu(self.TotalProcessorTime, ChildrenCpu(self.Id));
    }

    public static IndexCpu operator -(IndexCpu a, IndexCpu b) => new(a.Self - b.Self, a.Children - b.Children);

    private static TimeSpan ChildrenCpu(int parentId)
    {
        if (!OperatingSystem.IsLinux()) return TimeSpan.Zero;
        var ticksPerSecond = 100.0; // USER_HZ, 100 on every Linux we run on
        var total = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            // Fields after the parenthesised command: state ppid ... utime(14) stime(15), counted from 1 over the whole line.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (int.Parse(fields[1], CultureInfo.InvariantCulture) != parentId) continue;
            total += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        return TimeSpan.FromSeconds(total / ticksPerSecond);
    }
}
