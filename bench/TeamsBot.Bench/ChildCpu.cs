using System.Globalization;

namespace TeamsBot.Bench;

/// <summary>
/// CPU time of this process's child processes with a given name (e.g. the private Azurite's "node"), from /proc: the
/// storage emulator shares the machine's cores with the app, so its work per answer is part of what an answer costs.
/// Zero where /proc is not there.
/// </summary>
internal static class ChildCpu
{
    public static TimeSpan Of(string name)
    {
        if (!System.IO.Directory.Exists("/proc")) return TimeSpan.Zero;
        var ticks = 0L;
        foreach (var dir in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            // pid (comm) state ppid … utime(14) stime(15): comm may hold spaces, so split after its closing parenthesis.
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            if (open < 0 || close < open || stat[(open + 1)..close] != name) continue;
            var fields = stat[(close + 2)..].Split(' ');
            if (int.Parse(fields[1], CultureInfo.InvariantCulture) != Environment.ProcessId) continue;
            ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }
}
