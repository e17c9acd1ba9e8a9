using System.Diagnostics;

namespace DemoConsole.Sandbox.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Parse_AllOptions_BuildsOptions()
    {
        var (options, problems) = CommandLine.Parse(["--api-port", "7443", "--gateway-port", "0", "--prometheus-port", "0", "--github-port", "9444", "--kubeconfig", "/tmp/k", "--bind", "127.0.0.2", "--time-scale", "0.5"]);

        Assert.Empty(problems);
        Assert.NotNull(options);
        Assert.Equal(7443, options.ApiPort);
        Assert.Equal(0, options.GatewayPort);
        Assert.Equal(0, options.PrometheusPort);
        Assert.Equal(9444, options.GitHubPort);
        Assert.Equal("/tmp/k", options.KubeconfigPath);
        Assert.Equal("127.0.0.2", options.BindAddress);
        Assert.Equal(0.5, options.TimeScale);
    }

    [Fact]
    public void Parse_BadValues_ReportsEachProblem()
    {
        var (options, problems) = CommandLine.Parse(["--api-port", "http", "--bogus", "1", "--time-scale", "fast", "--bind"]);

        Assert.Null(options);
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public async Task Main_BadArgument_ExitsWith2AndExplains()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DemoConsole.Sandbox.dll"));
        start.ArgumentList.Add("--api-port");
        start.ArgumentList.Add("not-a-port");
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--api-port must be a port number", stderr, StringComparison.Ordinal);
        Assert.Contains("usage:", stderr, StringComparison.Ordinal);
    }
}
