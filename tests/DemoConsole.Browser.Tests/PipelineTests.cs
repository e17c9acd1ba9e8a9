using System.Diagnostics;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>
/// The sandbox at a hundredth of real time: the whole pipeline (about 3 minutes at time scale 1) takes seconds, so the
/// console polls GitHub every half second instead of every 5 (the stages would otherwise be seen one poll at a time).
/// </summary>
public class FastPipelineFixture : BrowserFixture
{
    protected override ConsoleWebFactory Configure(ConsoleWebFactory factory) =>
        factory.With("DemoConsole:Cluster:SandboxTimeScale", "0.01").With("DemoConsole:GitHub:PollInterval", "00:00:00.5");

    /// <summary>What went wrong inside the embedded sandbox's simulation so far (empty while it is sound).</summary>
    public IReadOnlyList<string> SandboxFaults => Services.GetRequiredService<EmbeddedSandbox>().Host!.Faults;

    /// <summary>The image the user service's deployment runs now, read with the real kubectl.</summary>
    public async Task<string> UserServiceImageAsync()
    {
        var sandbox = Services.GetRequiredService<EmbeddedSandbox>().Host!;
        var start = new ProcessStartInfo("/usr/bin/kubectl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "get", "deployment", "prod-user-service-deployment", "-n", "titanium-prod", "-o", "jsonpath={.spec.template.spec.containers[0].image}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["KUBECONFIG"] = sandbox.KubeconfigPath;
        start.Environment["HOME"] = Directory.CreateTempSubdirectory("kubectl-home-").FullName;
        using var process = Process.Start(start)!;
        var image = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        return image.Trim();
    }
}

/// <summary>The default scenario with the commit message carrying the sandbox's failure marker for the Trivy step.</summary>
public sealed class FailingPipelineFixture : FastPipelineFixture
{
    protected override ConsoleWebFactory Configure(ConsoleWebFactory factory)
    {
        var source = Path.Combine(RepoPaths.RepoRoot, "src", "DemoConsole.Core", "Scenarios", "Default", "titanium.ko.md");
        var scenario = Path.Combine(Directory.CreateTempSubdirectory("failing-pipeline-").FullName, "titanium.md");
        File.WriteAllText(scenario, File.ReadAllText(source).Replace(
            "message: \"데모: CI/CD 파이프라인 테스트\"", "message: \"데모: CI/CD 파이프라인 테스트 [fail:trivy]\"", StringComparison.Ordinal));
        return base.Configure(factory).With("DemoConsole:ScenarioPath", scenario);
    }
}

/// <summary>Part 2 as the presenter runs it: commit, confirm, and the pipeline fills in on both screens until the new pods are Ready.</summary>
public sealed class PipelineTests(FastPipelineFixture browser) : IClassFixture<FastPipelineFixture>
{
    [Fact]
    public async Task DemoCommit_Confirmed_TimelineFillsOnBothScreensAndTheDeploymentRunsTheNewTag()
    {
        var before = await browser.UserServiceImageAsync();
        var presenter = await browser.PresenterPageAsync("alice");
        var audience = await browser.AudiencePageAsync();
        await presenter.Keyboard.PressAsync("2");
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("2부");

        await presenter.GetByTestId("run-demo-commit").ClickAsync();
        var confirmation = presenter.GetByTestId("confirm-text-demo-commit");
        await Assertions.Expect(confirmation).ToContainTextAsync("DvwN-Lee/Monitoring-v2 저장소 main 브랜치의 user-service/DEMO.txt");
        await presenter.GetByTestId("confirm-run-demo-commit").ClickAsync();

        // The timeline is on each screen once, in the pipeline view; the presenter's action card keeps the run's summary.
        var onStage = presenter.Locator("[data-testid=pipeline-view] [data-testid=pipeline]");
        try
        {
            await Assertions.Expect(onStage).ToHaveAttributeAsync("data-outcome", "succeeded");
        }
        catch (PlaywrightException e)
        {
            // Say where the pipeline stood (each stage's text) and what the sandbox recorded as going wrong.
            Assert.Fail($"{e.Message}\nTimeline: {await onStage.InnerTextAsync()}\nSandbox faults: {string.Join(" | ", browser.SandboxFaults)}");
        }

        await Assertions.Expect(onStage.Locator("li.succeeded")).ToHaveCountAsync(5);
        await Assertions.Expect(presenter.Locator("[data-testid=pipeline]")).ToHaveCountAsync(1);
        await Assertions.Expect(presenter.Locator("[data-testid=action-demo-commit] [data-testid=run-message]")).ToContainTextAsync("개 Ready");
        var watched = audience.Locator("[data-testid=pipeline]").First;
        await Assertions.Expect(watched).ToHaveAttributeAsync("data-outcome", "succeeded");
        await Assertions.Expect(watched.GetByTestId("pipeline-clock")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+:\d\d$"));
        await Assertions.Expect(audience.Locator("[data-testid=pipeline]")).ToHaveCountAsync(1);

        // The stopwatch stopped at the last new pod Ready: it shows the same time on both screens from then on.
        var stopped = await onStage.GetByTestId("pipeline-clock").TextContentAsync();
        await Assertions.Expect(watched.GetByTestId("pipeline-clock")).ToHaveTextAsync(stopped!);
        var sha = await onStage.Locator(".pipeline-head a").First.TextContentAsync();
        var after = await browser.UserServiceImageAsync();
        Assert.NotEqual(before, after);
        Assert.EndsWith(":" + sha, after, StringComparison.Ordinal);
        Assert.Empty(browser.SandboxFaults);
    }
}

/// <summary>A commit whose Trivy step fails: the red step on both screens, and nothing rolled out.</summary>
public sealed class FailingPipelineTests(FailingPipelineFixture browser) : IClassFixture<FailingPipelineFixture>
{
    [Fact]
    public async Task DemoCommit_TrivyFails_RedStepOnBothScreensAndNoRollout()
    {
        var before = await browser.UserServiceImageAsync();
        var presenter = await browser.PresenterPageAsync("alice");
        var audience = await browser.AudiencePageAsync();
        await presenter.Keyboard.PressAsync("2");

        await presenter.GetByTestId("run-demo-commit").ClickAsync();
        await Assertions.Expect(presenter.GetByTestId("confirm-text-demo-commit")).ToContainTextAsync("[fail:trivy]");
        await presenter.GetByTestId("confirm-run-demo-commit").ClickAsync();

        var onStage = presenter.Locator("[data-testid=pipeline-view] [data-testid=pipeline]");
        await Assertions.Expect(onStage).ToHaveAttributeAsync("data-outcome", "failed");
        await Assertions.Expect(onStage.GetByTestId("pipeline-failed-step")).ToContainTextAsync("Trivy");
        await Assertions.Expect(onStage.Locator("li.failed")).ToHaveCountAsync(1);
        await Assertions.Expect(audience.Locator("[data-testid=pipeline]").First).ToHaveAttributeAsync("data-outcome", "failed");
        Assert.Equal(before, await browser.UserServiceImageAsync());
        Assert.Empty(browser.SandboxFaults);
    }
}
