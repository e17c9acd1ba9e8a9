namespace DemoConsole.Web.Hosting;

/// <summary>
/// The web console's thread pool: idle threads sleep at once instead of spinning for work first. The console's work
/// arrives in trickles (a render, a snapshot line, a watch event), so spinning only burnt CPU that a load burst
/// sent from the same machine needs (measured in docs/benchmarks.md, "Load engine"). Only the web console: the
/// command line and the load worker, the same executable, lost throughput without the spinning, so the setting
/// is made here at run time rather than in the runtime configuration all three share.
/// </summary>
internal static class ThreadPoolSpinning
{
    private const string SpinLimit = "System.Threading.ThreadPool.UnfairSemaphoreSpinLimit";

    /// <summary>Takes effect only before the thread pool's first work item, so it is the first thing the console does.</summary>
    public static void TurnOff() => AppContext.SetData(SpinLimit, 0);
}
