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
