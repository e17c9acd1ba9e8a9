using DemoConsole.Core.Load;
using DemoConsole.Core.Scenarios;
using DemoConsole.Web.Hosting;
using Serilog;

// Two-stage start-up: a bootstrap logger catches failures before configuration is read.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    return args.FirstOrDefault() switch
    {
        "check" => ScenarioCheckCommand.Run(args[1..], Console.Out, Console.Error),
        "burst" => await RunBurstAsync(args[1..]),
        _ => await RunConsoleAsync(args),
    };
}
catch (Exception ex) when (ex is not OperationCanceledException)
{
    Log.Fatal(ex, "Demo Console stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

// Ctrl+C stops a burst early and still prints what was measured.
static async Task<int> RunBurstAsync(string[] args)
{
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    return await BurstCommand.RunAsync(args, Console.Out, Console.Error, stop.Token);
}

static async Task<int> RunConsoleAsync(string[] args)
{
    await DemoConsoleHost.Build(args).RunAsync();
    return 0;
}
