namespace DemoConsole.Web.CommandLine;

/// <summary>
/// The console's command line: <c>DemoConsole check FILE</c>, <c>DemoConsole burst URL ...</c> and <c>DemoConsole replay RECORDING</c>. A command only
/// parses its arguments and prints; what it does (parsing a scenario, running load) is Core's, as for the web console.
/// <c>DemoConsole load-worker</c> is not for people: the web console starts it to send a closed-model run from a
/// process of its own (<see cref="LoadWorkerCommand"/>).
/// </summary>
internal static class ConsoleCommands
{
    /// <summary>Runs the command <paramref name="args"/> name; null when they name none, so the web console starts.</summary>
    public static Task<int>? TryRun(string[] args)
    {
        var command = args.FirstOrDefault();
        if (command is "check" or "burst" or "replay")
        {
            CommandLineLanguage.Apply(Environment.GetEnvironmentVariable(CommandLineLanguage.Variable));
        }

        return command switch
        {
            "check" => Task.FromResult(CheckCommand.Run(args[1..], Console.Out, Console.Error)),
            "burst" => RunBurstAsync(args[1..]),
            "replay" => ReplayCommand.RunAsync(args[1..], Console.Out, Console.Error),
            LoadWorkerCommand.Name => LoadWorkerCommand.RunAsync(),
            _ => null,
        };
    }

    /// <summary>Read once by the runtime's socket engine, when the first socket is made.</summary>
    internal const string InlineSocketCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>
    /// For a process that only sends load: socket completions run their continuations on the socket engine's own
    /// threads (one per core, like wrk's threads) instead of being handed to the thread pool; measured, the hand-off
    /// was the largest cost per request after the JIT. The web console cannot do this (its pages' code would run on
    /// those threads), which is why it sends closed-model runs from a load worker. Takes effect only before the
    /// first socket exists; a value the user set is kept.
    /// </summary>
    internal static void UseInlineSocketCompletions()
    {
        if (Environment.GetEnvironmentVariable(InlineSocketCompletions) is null)
        {
            Environment.SetEnvironmentVariable(InlineSocketCompletions, "1");
        }
    }

    // Ctrl+C stops a burst early and still prints what was measured.
    private static async Task<int> RunBurstAsync(string[] args)
    {
        UseInlineSocketCompletions();
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler cancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += cancel;
        try
        {
            return await BurstCommand.RunAsync(args, Console.Out, Console.Error, stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= cancel;
        }
    }
}
