using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;

namespace DemoConsole.Sandbox.Tests;

/// <summary>Every kubectl line of the seed runbook, run by the real kubectl against a private sandbox.</summary>
public sealed class KubectlSeedTests
{
    [Theory]
    [InlineData("titanium-prod", "prod-api-gateway-deployment-")]
    [InlineData("istio-system", "istiod-")]
    [InlineData("monitoring", "loki-0")]
    [InlineData("argocd", "argocd-server-")]
    public async Task GetPods_PerNamespace_PrintsRunningPodsWithClusterColumns(string ns, string expectedPod)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var result = await kubectl.RunAsync("get", "pods", "-n", ns);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$", lines[0]);
        Assert.Contains(lines, l => l.StartsWith(expectedPod, StringComparison.Ordinal));
        Assert.All(lines.Skip(1), l => Assert.Matches(@"^\S+\s+(\d+)/\1\s+Running\s+0\s+2d4h$", l));
    }

    [Fact]
    public async Task GetPodsJsonpath_SeedLine_ListsIstioProxySidecars()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var result = await kubectl.ShellAsync(
            """kubectl get pods -n titanium-prod -o jsonpath='{range .items[*]}{.metadata.name}{"\t"}{.spec.containers[*].name}{"\n"}{end}' | head -5""");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("prod-api-gateway-deployment-", StringComparison.Ordinal) && l.EndsWith("\tapi-gateway-container istio-proxy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetDeployments_SeedLineWithGrep_ShowsTwoReplicasEach()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var result = await kubectl.ShellAsync("kubectl get deployments -n titanium-prod | grep prod-");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var service in new[] { "api-gateway", "auth-service", "user-service", "blog-service" })
        {
            Assert.Matches($@"(?m)^prod-{service}-deployment\s+2/2\s+2\s+2\s+12d$", result.Stdout);
        }
    }

    [Fact]
    public async Task GetApplications_Argocd_PrintsSyncAndHealth()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var result = await kubectl.RunAsync("get", "applications", "-n", "argocd");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"^NAME\s+SYNC STATUS\s+HEALTH STATUS", result.Stdout);
        Assert.Matches(@"(?m)^titanium-prod\s+Synced\s+Healthy$", result.Stdout);
    }

    [Fact]
    public async Task GetPeerAuthentication_TitaniumProd_IsStrict()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var result = await kubectl.RunAsync("get", "peerauthentication", "-n", "titanium-prod");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"(?m)^default\s+STRICT\s+12d$", result.Stdout);
    }

    [Fact]
    public async Task GetPrometheusRule_ListAndYamlGrep_ShowsHighErrorRateAtFivePercent()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var list = await kubectl.RunAsync("get", "prometheusrule", "-n", "monitoring");
        var yaml = await kubectl.ShellAsync("""kubectl get prometheusrule titanium-alerts -n monitoring -o yaml | grep -A 10 "alert: HighErrorRate" """);

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Matches(@"(?m)^titanium-alerts\s+12d$", list.Stdout);
        Assert.True(yaml.ExitCode == 0, yaml.ToString());
        Assert.Contains("- alert: HighErrorRate", yaml.Stdout, StringComparison.Ordinal);
        Assert.Contains("> 0.05", yaml.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAndDescribeHpa_GatewayHpa_ShowsTargetsAndReplicas()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var get = await kubectl.RunAsync("get", "hpa", "-n", "titanium-prod");
        var describe = await kubectl.RunAsync("describe", "hpa", "prod-api-gateway-hpa", "-n", "titanium-prod");

        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.Matches(@"(?m)^prod-api-gateway-hpa\s+Deployment/prod-api-gateway-deployment\s+cpu: 3%/70%", get.Stdout);
        Assert.True(describe.ExitCode == 0, describe.ToString());
        Assert.Matches(@"Min replicas:\s+2", describe.Stdout);
        Assert.Matches(@"Max replicas:\s+5", describe.Stdout);
        Assert.Matches(@"Deployment pods:\s+2 current / 2 desired", describe.Stdout);
    }

    [Fact]
    public async Task GetAndDescribeNetworkPolicies_TitaniumProd_ShowsSelectorsAndRules()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var get = await kubectl.RunAsync("get", "networkpolicies", "-n", "titanium-prod");
        var describe = await kubectl.RunAsync("describe", "networkpolicy", "allow-ingress-to-api-gateway", "-n", "titanium-prod");

        Assert.True(get.ExitCode == 0, get.ToString());
        Assert.Matches(@"^NAME\s+POD-SELECTOR\s+AGE", get.Stdout);
        Assert.Matches(@"(?m)^default-deny-all\s+<none>\s+12d$", get.Stdout);
        Assert.True(describe.ExitCode == 0, describe.ToString());
        Assert.Matches(@"PodSelector:\s+app=api-gateway", describe.Stdout);
        Assert.Contains("To Port: 8000/TCP", describe.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletePod_GatewayPod_WaitsUntilGoneAndReplacementBecomesReady()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var store = sandbox.Cluster.Store;
        var victim = StoreWait.Pods(store, "titanium-prod", "api-gateway")[0];

        using var kubectl = new Kubectl(sandbox);
        var result = await kubectl.RunAsync("delete", "pod", victim.Name, "-n", "titanium-prod");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"pod \"{victim.Name}\" deleted", result.Stdout.Trim());
        Assert.Null(store.Get(ResourceTypes.Pods, "titanium-prod", victim.Name)); // kubectl returned only once it was gone
        await StoreWait.UntilAsync(sandbox, s => StoreWait.Pods(s, "titanium-prod", "api-gateway").Count(StoreWait.IsReady) == 2, "two gateway pods are Ready again");
    }

    [Fact]
    public async Task RolloutHistoryAndUndo_GatewayDeployment_RestoresPreviousRevision()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        const string deployment = "deployment/prod-api-gateway-deployment";

        var history = await kubectl.RunAsync("rollout", "history", deployment, "-n", "titanium-prod");
        var undo = await kubectl.RunAsync("rollout", "undo", deployment, "-n", "titanium-prod");
        await StoreWait.UntilAsync(sandbox, s => StoreWait.Pods(s, "titanium-prod", "api-gateway")
            .Count(p => StoreWait.IsReady(p) && p.Node["spec"]!["containers"]![0]!["image"]!.ToString().EndsWith(":v2.0.2", StringComparison.Ordinal)) == 2
            && StoreWait.Pods(s, "titanium-prod", "api-gateway").Count == 2, "the rollback has rolled out");
        var after = await kubectl.RunAsync("rollout", "history", deployment, "-n", "titanium-prod");

        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.Matches(@"(?m)^1\s+<none>$", history.Stdout);
        Assert.Matches(@"(?m)^2\s+<none>$", history.Stdout);
        Assert.True(undo.ExitCode == 0, undo.ToString());
        Assert.Contains("rolled back", undo.Stdout, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^1\s", after.Stdout);
        Assert.Matches(@"(?m)^3\s+<none>$", after.Stdout);
    }

    [Fact]
    public async Task Logs_SeedSelectorContainerTail_ShowsGateway404And405()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = TestSandbox.Gateway(sandbox);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri("/nonexistent-endpoint", UriKind.Relative))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, (await http.DeleteAsync(new Uri("/blog/", UriKind.Relative))).StatusCode);

        using var kubectl = new Kubectl(sandbox);
        var result = await kubectl.ShellAsync(
            """kubectl logs -n titanium-prod -l app.kubernetes.io/name=titanium,app=api-gateway -c api-gateway-container --tail=20 | grep -E "404|405|ERROR" """);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\"GET /nonexistent-endpoint HTTP/1.1\" 404", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"DELETE /blog/ HTTP/1.1\" 405", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyGetLogsDelete_LoadGeneratorManifest_RunsThenGoes()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var manifest = SandboxHost.LoadGeneratorManifestPath;

        var apply = await kubectl.RunAsync("apply", "-f", manifest);
        await StoreWait.UntilAsync(sandbox, s => StoreWait.Pods(s, "titanium-prod", "load-generator").Any(StoreWait.IsReady), "the load generator is Ready");
        var get = await kubectl.RunAsync("get", "pods", "-n", "titanium-prod", "-l", "app=load-generator");
        var logs = await kubectl.RunAsync("logs", "-n", "titanium-prod", "-l", "app=load-generator", "-c", "load-generator", "--tail=10");
        var reapply = await kubectl.RunAsync("apply", "-f", manifest);
        var delete = await kubectl.RunAsync("delete", "-f", manifest);
        await StoreWait.UntilAsync(sandbox, s => StoreWait.Pods(s, "titanium-prod", "load-generator").Count == 0, "the load generator pods are gone");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Equal("deployment.apps/load-generator created", apply.Stdout.Trim());
        Assert.True(reapply.ExitCode == 0, reapply.ToString());
        Assert.Equal("deployment.apps/load-generator unchanged", reapply.Stdout.Trim());
        Assert.Matches(@"(?m)^load-generator-\S+\s+1/1\s+Running\s+0\s+\S+$", get.Stdout);
        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.NotEmpty(logs.Stdout.Trim());
        Assert.True(delete.ExitCode == 0, delete.ToString());
        Assert.Equal("deployment.apps \"load-generator\" deleted", delete.Stdout.Trim());
    }
}
