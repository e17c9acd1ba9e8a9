using DemoConsole.Core.Load;

namespace DemoConsole.Web.CommandLine;

/// <summary>
/// <c>DemoConsole burst &lt;url&gt; ...</c>: the load engine from the command line, printing a summary like hey's
/// (or JSON), for side-by-side comparison with wrk and hey and for scripts. The target is the URL typed, whatever its host;
/// the summary names it.
/// </summary>
internal static class BurstCommand
{
    /// <summary>Exit code: the run completed and its expectation (if any) passed.</summary>
    public const int Ok = 0;

    /// <summary>Exit code: the run failed, was stopped, nothing answered, or the expectation failed.</summary>
    public const int RunFailed = 1;

    /// <summary>Exit code: the arguments were wrong; the message says how.</summary>
    public const int BadUsage = 2;

    /// <summary>Runs <c>burst</c> with <paramref name="args"/> (without the word <c>burst</c>). Cancelling stops the run and still prints its figures.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (args.Length == 1 && args[0] is "-h" or "--help")
        {
            await stdout.WriteLineAsync(BurstArguments.Usage);
            return Ok;
        }

        var problems = new List<string>();
        var options = BurstArguments.Parse(args, problems);
        LoadStartResult? start = null;
        if (options is not null)
        {
            var plan = options.ToPlan();
            var caps = LoadCaps.ForCommandLine(options.Url);
            if (problems.Count == 0)
            {
                start = new HttpLoadEngine(caps).Start(plan, cancellationToken);
                problems.AddRange(start.Problems.Select(CommandLineLanguage.Text));
            }
            else
            {
                // Report the plan's own problems too, so every problem is listed at once.
                problems.AddRange(LoadPlanValidator.Validate(plan, caps).Select(CommandLineLanguage.Text));
            }
        }

        if (options is null || start?.Run is not { } run)
        {
            foreach (var problem in problems)
            {
                await stderr.WriteLineAsync("burst: " + problem);
            }

            await stderr.WriteLineAsync(BurstArguments.Usage);
            return BadUsage;
        }

        await using (run)
        {
            if (!options.Json && run.Plan.Model == LoadModel.Sequence)
            {
                await PrintLinesAsync(run, stdout);
            }

            var result = await run.Completion;
            if (options.Json)
            {
                await stdout.WriteLineAsync(BurstJsonReport.Serialize(result));
            }
            else
            {
                BurstSummaryWriter.Write(stdout, result);
            }

            return result.Succeeded ? Ok : RunFailed;
        }
    }

    /// <summary>Prints each request of a sequence as it completes, like the seed's curl loops.</summary>
    private static async Task PrintLinesAsync(ILoadRun run, TextWriter stdout)
    {
        var printed = 0;
        await foreach (var snapshot in run.WatchAsync(TimeSpan.Zero))
        {
            for (; printed < snapshot.Requests.Count; printed++)
            {
                await stdout.WriteLineAsync(snapshot.Requests[printed].ToString());
            }
        }
    }
}
