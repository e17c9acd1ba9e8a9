using DemoConsole.Web.CommandLine;
using DemoConsole.Web.Hosting;
using Serilog;

// Two-stage start-up: a bootstrap logger catches failures before configuration is read.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    return ConsoleCommands.TryRun(args) is { } command ? await command : await RunConsoleAsync(args);
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

static async Task<int> RunConsoleAsync(string[] args)
{
    ThreadPoolSpinning.TurnOff();
    await DemoConsoleHost.Build(args).RunAsync();
    return 0;
}
