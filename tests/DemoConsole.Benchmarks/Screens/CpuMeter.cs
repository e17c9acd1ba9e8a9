using System.Globalization;

namespace DemoConsole.Benchmarks.Screens;

/// <summary>
/// CPU time from /proc: the whole machine, this process (the console, its sandbox and the benchmark) and this
/// process's descendants (Chromium), so the figures can say how busy the two shared cores were and with whose work.
/// </summary>
internal sealed record CpuSample(DateTimeOffset At, long MachineBusy, long MachineTotal, long Self, long Children)
{
    /// <summary>Clock ticks per second of /proc/[pid]/stat (USER_HZ); 100 on Linux.</summary>
    private const double TicksPerSecond = 100;

    public static CpuSample Take()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = cpu[3] + cpu[4];
        var total = cpu.Take(8).Sum();
        var (self, children) = ProcessTree(Environment.ProcessId);
        return new CpuSample(DateTimeOffset.UtcNow, total - idle, total, self, children);
    }

    /// <summary>Between two samples: machine busy in cores, this process in cores, its descendants in cores.</summary>
    public static (double Machine, double Self, double Children, double Cores) Between(CpuSample a, CpuSample b)
    {
        var seconds = (b.At - a.At).TotalSeconds;
        var cores = Environment.ProcessorCount;
        var machine = (double)(b.MachineBusy - a.MachineBusy) / Math.Max(1, b.MachineTotal - a.MachineTotal) * cores;
        return (machine, (b.Self - a.Self) / TicksPerSecond / seconds, (b.Children - a.Children) / TicksPerSecond / seconds, cores);
    }

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static (long Self, long Children) ProcessTree(int root)
    {
        var parent = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // Fields after the command name "(...)": state ppid ... utime(12th) stime(13th).
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parent[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended while we read it.
            }
        }

        long children = 0;
        var queue = new Queue<int>([root]);
        var seen = new HashSet<int> { root };
        while (queue.Count > 0)
        {
            var pid = queue.Dequeue();
            foreach (var child in parent.Where(p => p.Value == pid && seen.Add(p.Key)).Select(p => p.Key))
            {
                children += ticks.GetValueOrDefault(child);
                queue.Enqueue(child);
            }
        }

        return (ticks.GetValueOrDefault(root), children);
    }
}
