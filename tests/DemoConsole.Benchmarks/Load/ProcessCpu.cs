using System.Runtime.InteropServices;

namespace DemoConsole.Benchmarks.Load;

/// <summary>
/// User + system CPU time from getrusage(2): this process's own, or that of the child processes already waited
/// for. The difference of the children's figure around one child's run is that child's CPU time, measured by the
/// kernel to the microsecond (wrk, hey and the console's command line each run alone in this program).
/// </summary>
internal static class ProcessCpu
{
    private const int Self = 0;
    private const int Children = -1;

    /// <summary>This process's CPU time so far (all threads).</summary>
    public static TimeSpan OfSelf() => Read(Self);

    /// <summary>CPU time of every child process that has ended and been waited for.</summary>
    public static TimeSpan OfEndedChildren() => Read(Children);

    /// <summary>
    /// CPU time of another process (utime + stime of /proc/PID/stat) and that of its children it has waited for
    /// (cutime + cstime), in clock ticks of 10 ms: the console, and the load workers it started and reaped.
    /// </summary>
    public static (TimeSpan Own, TimeSpan EndedChildren) OfProcess(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain numbers.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14-17 of the file (utime, stime, cutime, cstime) are 11-14 after the name (state is the first).
        var ticks = fields[11..15].Select(long.Parse).ToArray();
        return (Ticks(ticks[0] + ticks[1]), Ticks(ticks[2] + ticks[3]));
    }

    private static TimeSpan Ticks(long ticks) => TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);

    /// <summary>USER_HZ: 100 on every Linux this runs on.</summary>
    private const int ClockTicksPerSecond = 100;

    private static TimeSpan Read(int who)
    {
        if (GetRusage(who, out var usage) != 0)
        {
            throw new InvalidOperationException($"getrusage failed: errno {Marshal.GetLastPInvokeError()}");
        }

        var micros = (usage.UserSeconds + usage.SystemSeconds) * 1_000_000 + usage.UserMicros + usage.SystemMicros;
        return TimeSpan.FromTicks(micros * TimeSpan.TicksPerMicrosecond);
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRusage(int who, out Rusage usage);

    /// <summary>struct rusage on 64-bit Linux: two timevals, then 14 longs this program does not read (144 bytes).</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct Rusage
    {
        public long UserSeconds;
        public long UserMicros;
        public long SystemSeconds;
        public long SystemMicros;
    }
}
