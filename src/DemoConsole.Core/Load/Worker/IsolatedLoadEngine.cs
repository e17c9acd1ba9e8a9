using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Load.Worker;

/// <summary>
/// Sends closed-model runs (the "as fast as it answers" bursts) from a load worker process of their own, and every
/// other run in this process. A worker is the command line's engine in a process that does nothing else: its socket
/// continuations run on the socket engine's threads instead of the thread pool, and it shares neither the thread
/// pool nor the garbage collector with the pages. Measured on two cores, that is the difference between a console
/// button at about 0.5–0.6 of wrk and the command line's 0.8–0.9 (docs/benchmarks.md, "Load engine"). Open-model,
/// sequence and steady runs are paced, not throughput-bound, and stay in process.
/// The plan is validated here, with this engine's caps, before any process starts; the worker checks it again.
/// </summary>
public sealed partial class IsolatedLoadEngine(ILoadEngine inProcess, Func<ProcessStartInfo?> worker, TimeProvider timeProvider, ILogger<IsolatedLoadEngine> logger) : ILoadEngine
{
    public LoadCaps Caps => inProcess.Caps;

    public LoadStartResult Start(LoadPlan plan, CancellationToken cancellationToken = default)
    {
        if (plan.Model != LoadModel.Closed)
        {
            return inProcess.Start(plan, cancellationToken);
        }

        if (LoadStartResult.Refuses(plan, Caps, out var refusal, out var resolved))
        {
            return refusal;
        }

        var process = TryStartWorker(resolved);
        if (process is null)
        {
            return inProcess.Start(plan, cancellationToken);
        }

        var run = new WorkerLoadRun(resolved, process, timeProvider, cancellationToken);
        run.Start();
        return LoadStartResult.Accepted(run);
    }

    private Process? TryStartWorker(ResolvedPlan plan)
    {
        if (worker() is not { } startInfo)
        {
            return null;
        }

        startInfo.RedirectStandardInput = true;
        startInfo.RedirectStandardOutput = true;
        startInfo.UseShellExecute = false;
        Process? process = null;
        try
        {
            process = Process.Start(startInfo);
            if (process is null)
            {
                LogWorkerNotStarted(null, startInfo.FileName);
                return null;
            }

            process.StandardInput.WriteLine(LoadWorkerProtocol.Write(new LoadWorkerRequest(plan.Source, Caps)));
            process.StandardInput.Flush();
            return process;
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            // The run still happens, in this process, as it did before workers existed; the log says why.
            LogWorkerNotStarted(exception, startInfo.FileName);
            if (process is not null)
            {
                process.Kill();
                process.Dispose();
            }

            return null;
        }
    }

    [LoggerMessage(EventId = 260, Level = LogLevel.Warning, Message = "Could not start a load worker ({File}); the run is sent from the console's own process")]
    private partial void LogWorkerNotStarted(Exception? exception, string file);
}
