using System.Globalization;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>The console's gateway is a Kestrel target on loopback, and its scenario has two closed-model bursts.</summary>
public sealed class WorkerBurstFixture : BrowserFixture
{
    private readonly string _folder = Directory.CreateTempSubdirectory("worker-burst-").FullName;

    public KestrelLoadTarget Target { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Target = await KestrelLoadTarget.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(_folder, "scenario.md"), """
            # Closed bursts

            ## Scenario

            ### Part 1: Bursts

            **Script**: Two bursts as fast as the gateway answers.

            ```demo-action
            id: closed-count
            kind: load-burst
            title: 3,000 requests over 8 connections
            path: /blog/
            connections: 8
            count: 3000
            ```

            ```demo-action
            id: closed-long
            kind: load-burst
            title: Two minutes over 4 connections
            path: /blog/
            connections: 4
            duration: 2m
            ```
            """);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Target.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    protected override ConsoleWebFactory Configure(ConsoleWebFactory factory) => factory
        .With("DemoConsole:ScenarioPath", Path.Combine(_folder, "scenario.md"))
        .With("DemoConsole:GatewayUrl", Target.BaseAddress.ToString())
        .With("DemoConsole:Load:MaxRequests", "10000000");
}

/// <summary>
/// A console button's closed-model burst is sent from a load worker process (this build's <c>DemoConsole load-worker</c>)
/// and shows on both screens as any run does; the stop button ends it and the worker with it.
/// </summary>
public sealed class WorkerBurstTests(WorkerBurstFixture fixture) : IClassFixture<WorkerBurstFixture>
{
    [Fact]
    public async Task ClosedBurst_FromTheButton_ShowsTheWorkersFiguresOnBothScreens()
    {
        var presenter = await fixture.PresenterPageAsync("alice");
        await presenter.Keyboard.PressAsync("1");
        var audience = await fixture.AudiencePageAsync();
        var before = fixture.Target.RequestCount;

        await presenter.GetByTestId("run-closed-count").ClickAsync();

        foreach (var page in new[] { presenter, audience })
        {
            var result = page.Locator("[data-testid=load-result][data-state=completed]");
            await Assertions.Expect(result).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(result.GetByTestId("load-completed")).ToHaveTextAsync("3000");
        }

        Assert.Equal(3000, fixture.Target.RequestCount - before);
    }

    [Fact]
    public async Task LongClosedBurst_RunsInAWorkerThatTheStopButtonEnds()
    {
        var presenter = await fixture.PresenterPageAsync("alice");
        await presenter.Keyboard.PressAsync("1");

        await presenter.GetByTestId("run-closed-long").ClickAsync();
        await AsyncWait.UntilAsync(() => LoadWorkers().Count == 1, "a load worker to run the burst");
        await AsyncWait.UntilAsync(() => fixture.Target.RequestCount > 1000, "the worker to send");
        await presenter.GetByTestId("stop-closed-long").ClickAsync();

        await Assertions.Expect(presenter.Locator("[data-testid=load-result][data-state=stopped]")).ToBeVisibleAsync();
        await AsyncWait.UntilAsync(() => LoadWorkers().Count == 0, "the load worker to exit");
    }

    /// <summary>This test process's children that are load workers (the console runs in this process).</summary>
    private static List<int> LoadWorkers()
    {
        var self = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var workers = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var parent = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
                var commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0');
                if (parent == self && commandLine.Contains("load-worker"))
                {
                    workers.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
        }

        return workers;
    }
}
