namespace DemoConsole.Web.CommandLine;

/// <summary>
/// The console's command line: <c>DemoConsole check FILE</c> and <c>DemoConsole burst URL ...</c>. A command only
/// parses its arguments and prints; what it does (parsing a scenario, running load) is Core's, as for the web console.
/// </summary>
internal static class ConsoleCommands
{
    /// <summary>Runs the command <paramref name="args"/> name; null when they name none, so the web console starts.</summary>
    public static Task<int>? TryRun(string[] args) => args.FirstOrDefault() switch
    {
        "check" => Task.FromResult(CheckCommand.Run(args[1..], Console.Out, Console.Error)),
        "burst" => RunBurstAsync(args[1..]),
        _ => null,
    };

    // Ctrl+C stops a burst early and still prints what was measured.
    private static async Task<int> RunBurstAsync(string[] args)
    {
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
