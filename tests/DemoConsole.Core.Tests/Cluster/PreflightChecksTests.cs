using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Panels;
using DemoConsole.Core.Scenarios;
using DemoConsole.Sandbox;
using DemoConsole.Tests.Shared;
using k8s;
using k8s.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Core.Tests.Cluster;

public sealed class PreflightChecksTests
{
    private static readonly Uri ConsoleOrigin = new("http://127.0.0.1:5080");

    [Fact]
    public async Task RunAsync_FreshSandbox_PassesExceptLoadGeneratorAndUnreachablePanel()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        using var http = new HttpClient();
        var checks = Checks(sandbox.Connection, new FixedGateway(sandbox.Host.Gateway), http);
        var panel = new PanelDefinition("grafana-overview", PanelKind.Grafana, "Grafana overview", await ClosedPortUrlAsync("/d/titanium"), 5, 1);

        var results = await checks.RunAsync(new PreflightRequest([panel], ConsoleOrigin));

        Assert.Equal(["pods:titanium-prod", "pods:istio-system", "pods:monitoring", "pods:argocd", "gateway", "panel:grafana-overview", "load-generator"],
            results.Select(r => r.Id));
        Assert.All(results.Where(r => r.Id.StartsWith("pods:", StringComparison.Ordinal)), r => Assert.True(r.Passed, r.Detail));
        Assert.StartsWith("All ", results.Single(r => r.Id == "pods:titanium-prod").Detail, StringComparison.Ordinal);
        var gateway = results.Single(r => r.Id == "gateway");
        Assert.True(gateway.Passed, gateway.Detail);
        Assert.Contains("/blog/ answered 200", gateway.Detail, StringComparison.Ordinal);
        var grafana = results.Single(r => r.Id == "panel:grafana-overview");
        Assert.False(grafana.Passed);
        Assert.Contains("not reachable", grafana.Detail, StringComparison.Ordinal);
        Assert.NotNull(grafana.Fix);
        var load = results.Single(r => r.Id == "load-generator");
        Assert.False(load.Passed);
        Assert.Equal("No deployment labelled app=load-generator in titanium-prod.", load.Detail);
        Assert.Contains("load-generator.yaml", load.Fix, StringComparison.Ordinal);
        Assert.All(results, r => Assert.True(DateTimeOffset.UtcNow - r.RanAt < TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task RunAsync_PanelForbidsFraming_FailsWithProblemAndFix()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        await using var grafana = await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["X-Frame-Options"] = "DENY";
            return context.Response.WriteAsync("<html>grafana</html>");
        });
        using var http = new HttpClient();
        var checks = Checks(sandbox.Connection, new FixedGateway(sandbox.Host.Gateway), http);
        var panel = new PanelDefinition("latency", PanelKind.Grafana, "Latency", new Uri(grafana.Address, "/d/latency"), 3, 1);

        var result = (await checks.RunAsync(new PreflightRequest([panel], ConsoleOrigin))).Single(r => r.Id == "panel:latency");

        Assert.False(result.Passed);
        Assert.Contains("X-Frame-Options: DENY", result.Detail, StringComparison.Ordinal);
        Assert.Contains("allow_embedding", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LoadGeneratorDeployedAndPodNotReady_ReportsBoth()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        using var http = new HttpClient();
        var checks = Checks(sandbox.Connection, new FixedGateway(sandbox.Host.Gateway), http);
        var manifest = (await KubernetesYaml.LoadAllFromFileAsync(SandboxHost.LoadGeneratorManifestPath)).OfType<V1Deployment>().Single();
        await sandbox.Client.AppsV1.CreateNamespacedDeploymentAsync(manifest, "titanium-prod");

        // Until its pod is Ready, the namespace check is red and names it; then both turn green.
        var results = await UntilAsync(checks, r => r.Single(x => x.Id == "load-generator").Passed && r.Single(x => x.Id == "pods:titanium-prod").Passed);

        Assert.StartsWith("Running: load-generator 1/1 ready", results.Single(r => r.Id == "load-generator").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ClusterAndGatewayUnreachable_EveryCheckFailsWithItsReason()
    {
        var kubeconfig = await ResourceInformerTests.ClosedPortKubeconfigAsync();
        using var connection = new ClusterConnection(() => new ClusterTarget(ClusterMode.Kubeconfig, kubeconfig));
        using var http = new HttpClient();
        var checks = Checks(connection, new FixedGateway(await ClosedPortUrlAsync("/")), http);

        var results = await checks.RunAsync(new PreflightRequest([], ConsoleOrigin));

        Assert.Equal(6, results.Count);
        Assert.All(results, r => Assert.False(r.Passed));
        Assert.All(results.Where(r => r.Id != "gateway"), r => Assert.Contains("not reachable", r.Detail, StringComparison.Ordinal));
        Assert.StartsWith("GET http://127.0.0.1:", results.Single(r => r.Id == "gateway").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddClusterViews_HostServices_ResolvesViewsLogTailAndChecks()
    {
        await using var sandbox = await ClusterSandbox.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IClusterConnection>(sandbox.Connection);
        services.AddSingleton<IGatewayAddress>(new FixedGateway(sandbox.Host.Gateway));
        services.AddClusterViews(new ClusterViewsOptions { Namespaces = ["titanium-prod"] });
        await using var provider = services.BuildServiceProvider();

        var views = provider.GetRequiredService<IClusterViews>();
        Assert.Same(views, provider.GetRequiredService<IClusterViews>());
        Assert.NotNull(provider.GetRequiredService<ILogTail>());
        var results = await provider.GetRequiredService<IPreflightChecks>().RunAsync(new PreflightRequest([], ConsoleOrigin));
        Assert.Equal(["pods:titanium-prod", "gateway", "load-generator"], results.Select(r => r.Id));
        Assert.True(results.Single(r => r.Id == "gateway").Passed);
        var snapshot = await AsyncWait.ForAsync(views.WatchAsync, s => s.Synced && s.Pods.Count > 0, "the views", TimeSpan.FromSeconds(30));
        Assert.All(snapshot.Pods, p => Assert.Equal("titanium-prod", p.Namespace));
    }

    private static PreflightChecks Checks(IClusterConnection connection, IGatewayAddress gateway, HttpClient http) =>
        new(connection, gateway, new FrameProbe(new HandlerHttpClientFactory(), TimeProvider.System, NullLogger<FrameProbe>.Instance), http, TimeProvider.System, new ClusterViewsOptions());

    private static async Task<IReadOnlyList<PreflightResult>> UntilAsync(PreflightChecks checks, Func<IReadOnlyList<PreflightResult>, bool> done)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        IReadOnlyList<PreflightResult> results = [];
        while (!deadline.IsCancellationRequested)
        {
            results = await checks.RunAsync(new PreflightRequest([], ConsoleOrigin));
            if (done(results))
            {
                return results;
            }

            await tick.WaitForNextTickAsync(CancellationToken.None);
        }

        throw new TimeoutException("Checks never passed: " + string.Join("; ", results.Select(r => $"{r.Id}={r.Passed} {r.Detail}")));
    }

    private static async Task<Uri> ClosedPortUrlAsync(string path)
    {
        var kubeconfig = await ResourceInformerTests.ClosedPortKubeconfigAsync();
        return new Uri(new Uri(ResourceInformerTests.Server(kubeconfig)), path);
    }

    private sealed class FixedGateway(Uri gateway) : IGatewayAddress
    {
        public Uri? Gateway => gateway;
    }
}
