using System.Text.Json;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Load.Worker;

/// <summary>
/// The worker's side of an isolated run (<c>DemoConsole load-worker</c>): reads the request, runs it on an engine of
/// this process and writes its snapshots, at most one per <see cref="Interval"/>, ending with the final one. The
/// console validated the plan already; the engine here checks it again against the same caps.
/// </summary>
public static class LoadWorker
{
    /// <summary>
    /// As often as the console reports a run's progress to its screens (<c>LoadActionHandler</c>, twice a second):
    /// each snapshot summarises three latency histograms, and ten a second cost the worker about 3 % of its throughput.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>Exit code: the run ran to its end (whatever its figures).</summary>
    public const int Ran = 0;

    /// <summary>Exit code: no readable request, or the plan was refused.</summary>
    public const int Refused = 2;

    public static async Task<int> RunAsync(TextReader input, TextWriter output, Func<LoadCaps, ILoadEngine> engineFor, CancellationToken cancellationToken)
    {
        var request = await ReadRequestAsync(input, cancellationToken);
        if (request is null)
        {
            await WriteAsync(output, new LoadWorkerMessage(null, [new UiMessage("Load_WorkerNoRequest").ToString()]));
            return Refused;
        }

        var start = engineFor(request.Caps).Start(request.Plan, cancellationToken);
        if (start.Run is not { } run)
        {
            await WriteAsync(output, new LoadWorkerMessage(null, [.. start.Problems.Select(p => p.ToString())]));
            return Refused;
        }

        await using (run)
        {
            using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // Not awaited at the end: a read of a process's standard input does not always honour cancellation, and
            // the worker exits once the final snapshot is out.
            _ = StopOnRequestAsync(input, run, watching.Token);
            await foreach (var snapshot in run.WatchAsync(Interval, CancellationToken.None))
            {
                await WriteAsync(output, new LoadWorkerMessage(snapshot));
            }

            await watching.CancelAsync();
        }

        return Ran;
    }

    private static async Task<LoadWorkerRequest?> ReadRequestAsync(TextReader input, CancellationToken cancellationToken)
    {
        var line = await input.ReadLineAsync(cancellationToken);
        try
        {
            return line is null ? null : LoadWorkerProtocol.ReadRequest(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Stops the run when the console says so or goes away (its end of the pipe closes).</summary>
    private static async Task StopOnRequestAsync(TextReader input, ILoadRun run, CancellationToken cancellationToken)
    {
        try
        {
            string? line;
            do
            {
                line = await input.ReadLineAsync(cancellationToken);
            }
            while (line is not null && line.Trim() != LoadWorkerProtocol.Stop);

            run.Stop();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run ended by itself.
        }
    }

    private static async Task WriteAsync(TextWriter output, LoadWorkerMessage message)
    {
        await output.WriteLineAsync(LoadWorkerProtocol.Write(message));
        await output.FlushAsync();
    }
}
