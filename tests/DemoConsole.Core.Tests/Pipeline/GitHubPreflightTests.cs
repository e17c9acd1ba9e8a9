using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Panels;
using DemoConsole.Core.Pipeline;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Tests.Cluster;
using DemoConsole.Sandbox.GitHub;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Core.Tests.Pipeline;

/// <summary>The pre-flight list checks the demo commit's repository like the rest: green with the demo token, red naming what is missing.</summary>
public sealed class GitHubPreflightTests
{
    private static readonly Uri ConsoleOrigin = new("http://127.0.0.1:5080/");

    [Fact]
    public async Task RunAsync_DefaultScenarioRepositories_GreenWithTheDemoTokenRedWithoutActions()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        using var http = new HttpClient();
        var targets = DemoCommitKind.Targets(DefaultScenario.Load());
        var weak = PipelineSandbox.Token(sandbox.Host, GitHubTokenPermissions.ContentsWrite);

        var good = await Checks(sandbox, http, PipelineSandbox.Connection(sandbox.Host)).RunAsync(new PreflightRequest([], ConsoleOrigin, sandbox.Host.Gateway, targets));
        var bad = await Checks(sandbox, http, PipelineSandbox.Connection(sandbox.Host, weak)).RunAsync(new PreflightRequest([], ConsoleOrigin, sandbox.Host.Gateway, targets));

        Assert.Equal(PipelineSandbox.Demo, Assert.Single(targets));
        var green = Assert.Single(good, r => r.Id == "github:DvwN-Lee/Monitoring-v2");
        Assert.True(green.Passed, green.Detail);
        var red = Assert.Single(bad, r => r.Id == "github:DvwN-Lee/Monitoring-v2");
        Assert.False(red.Passed);
        Assert.Contains("actions=read", red.Fix, StringComparison.Ordinal);
        // The details are the access check's own messages, so a Korean screen reads them in Korean.
        var korean = System.Globalization.CultureInfo.GetCultureInfo("ko-KR");
        Assert.Contains(red.Finding.Format(korean), c => c is >= '\uAC00' and <= '\uD7A3');
        Assert.Contains(red.Remedy!.Format(korean), c => c is >= '\uAC00' and <= '\uD7A3');
    }

    private static PreflightChecks Checks(ClusterSandbox sandbox, HttpClient http, GitHubConnection github) =>
        new(sandbox.Connection, null, new FrameProbe(new HandlerHttpClientFactory(), TimeProvider.System, NullLogger<FrameProbe>.Instance), http, TimeProvider.System,
            new ClusterViewsOptions(), new RepositoryAccessCheck(github, TimeProvider.System));
}
