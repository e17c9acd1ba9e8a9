using System.Diagnostics;
using System.Text.Json;
using DemoConsole.Sandbox.Tests.Support;

namespace DemoConsole.Sandbox.Tests;

/// <summary>
/// The official Kubernetes Python client (Debian's python3-kubernetes), a second real client beside kubectl and
/// KubernetesClient: it spells booleans as <c>True</c> and reads every answer with its own models.
/// </summary>
public sealed class PythonClientTests
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "Python", "client_checks.py");

    [Fact]
    public async Task ListWithSelector_ApiGatewayPods()
    {
        var result = await RunAsync("list_with_selector");

        var pods = result.GetProperty("pods").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Equal(2, pods.Count);
        Assert.All(pods, p => Assert.StartsWith("prod-api-gateway-deployment-", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Watch_DeleteAndReplace_SeesTheDeleteAndTheReplacement()
    {
        var result = await RunAsync("watch_delete_and_replace");

        var victim = result.GetProperty("victim").GetString()!;
        var events = result.GetProperty("events").EnumerateArray().Select(e => (Type: e[0].GetString(), Name: e[1].GetString()!)).ToList();
        Assert.Contains(("DELETED", victim), events);
        Assert.Contains(events, e => e.Type == "ADDED" && e.Name != victim && e.Name.StartsWith("prod-blog-service-deployment-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logs_TailOfTheGatewayContainer()
    {
        var result = await RunAsync("logs");

        Assert.Equal(3, result.GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task Patch_DeploymentLabel_IsReadBack()
    {
        var result = await RunAsync("patch");

        Assert.Equal("python", result.GetProperty("labels").GetProperty("rehearsal").GetString());
    }

    [Fact]
    public async Task Scale_DeploymentToThree_IsReadBackFromTheScaleSubresource()
    {
        var result = await RunAsync("scale");

        Assert.Equal(3, result.GetProperty("replicas").GetInt32());
    }

    [Fact]
    public async Task Paging_ByTwo_ReadsEveryPodOnce()
    {
        var result = await RunAsync("paging");

        var all = result.GetProperty("all").EnumerateArray().Select(p => p.GetString()).ToList();
        var pages = result.GetProperty("pages").EnumerateArray().Select(page => page.EnumerateArray().Select(p => p.GetString()).ToList()).ToList();
        Assert.True(all.Count > 10);
        Assert.Equal((all.Count + 1) / 2, pages.Count);
        Assert.All(pages, page => Assert.InRange(page.Count, 1, 2));
        Assert.Equal(all, pages.SelectMany(p => p));
    }

    [Fact]
    public async Task Lease_ReplaceFromAStaleRead_IsRefusedWithTheConflictStatus()
    {
        var result = await RunAsync("lease_conflict");

        Assert.NotEqual(result.GetProperty("stale").GetString(), result.GetProperty("replaced").GetString());
        Assert.Equal("replica-b", result.GetProperty("holder").GetString());
        Assert.Contains("python-leader", result.GetProperty("listed").EnumerateArray().Select(n => n.GetString()));
        var replace = result.GetProperty("refusals").GetProperty("replace");
        Assert.Equal(409, replace.GetProperty("status").GetInt32());
        Assert.Equal("Conflict", replace.GetProperty("body").GetProperty("reason").GetString());
        Assert.Equal("coordination.k8s.io", replace.GetProperty("body").GetProperty("details").GetProperty("group").GetString());
        Assert.Equal("leases", replace.GetProperty("body").GetProperty("details").GetProperty("kind").GetString());
        Assert.Equal(
            "Operation cannot be fulfilled on leases.coordination.k8s.io \"python-leader\": the object has been modified; please apply your changes to the latest version and try again",
            replace.GetProperty("body").GetProperty("message").GetString());
        var create = result.GetProperty("refusals").GetProperty("create");
        Assert.Equal(409, create.GetProperty("status").GetInt32());
        Assert.Equal("AlreadyExists", create.GetProperty("body").GetProperty("reason").GetString());
        Assert.Equal("leases.coordination.k8s.io \"python-leader\" already exists", create.GetProperty("body").GetProperty("message").GetString());
    }

    private static async Task<JsonElement> RunAsync(string check)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(sandbox.KubeconfigPath);
        start.ArgumentList.Add(check);
        start.Environment.Remove("KUBERNETES_SERVICE_HOST");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{check}: exit {process.ExitCode}\n{await stderr}");
        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }
}
