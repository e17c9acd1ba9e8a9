using System.Text.Json;
using DemoConsole.Sandbox.Tests.Support;
using k8s;
using k8s.Models;

namespace DemoConsole.Sandbox.Tests;

/// <summary>Watch and log-stream details that clients and informers rely on.</summary>
public sealed class WatchProtocolTests
{
    private const string Ns = "titanium-prod";

    [Fact]
    public async Task Watch_LabelSelectorStartsAndStopsMatching_ReportsAddedThenDeleted()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var list = await client.CoreV1.ListNamespacedPodAsync(Ns, labelSelector: "demo=on");
        await client.CoreV1.PatchNamespacedPodAsync(Label("on"), "postgresql-0", Ns);
        await client.CoreV1.PatchNamespacedPodAsync(Label("off"), "postgresql-0", Ns);

        var events = new List<WatchEventType>();
        await foreach (var (type, _) in client.CoreV1.WatchListNamespacedPodAsync(Ns, labelSelector: "demo=on",
                           resourceVersion: list.Metadata.ResourceVersion, cancellationToken: cancel.Token))
        {
            events.Add(type);
            if (events.Count == 2)
            {
                break;
            }
        }

        Assert.Empty(list.Items);
        Assert.Equal([WatchEventType.Added, WatchEventType.Deleted], events);
    }

    [Fact]
    public async Task Watch_AllowWatchBookmarks_SendsBookmarkWithCurrentResourceVersion()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };
        var version = sandbox.Cluster.Store.ResourceVersion;

        using var response = await http.GetAsync(
            new Uri($"/api/v1/namespaces/{Ns}/pods?watch=true&allowWatchBookmarks=true&resourceVersion={version}", UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await reader.ReadLineAsync(cancel.Token);

        using var e = JsonDocument.Parse(line!);
        Assert.Equal("BOOKMARK", e.RootElement.GetProperty("type").GetString());
        Assert.Equal("Pod", e.RootElement.GetProperty("object").GetProperty("kind").GetString());
        Assert.True(long.Parse(e.RootElement.GetProperty("object").GetProperty("metadata").GetProperty("resourceVersion").GetString()!) >= version);
    }

    [Fact]
    public async Task Watch_TableAccept_EachEventCarriesAOneRowTable()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };
        var version = sandbox.Cluster.Store.ResourceVersion;
        await client.CoreV1.PatchNamespacedPodAsync(Label("on"), "postgresql-0", Ns);
        using var request = new HttpRequestMessage(HttpMethod.Get,
            new Uri($"/api/v1/namespaces/{Ns}/pods?watch=true&resourceVersion={version}&fieldSelector=metadata.name%3Dpostgresql-0", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var e = JsonDocument.Parse((await reader.ReadLineAsync(cancel.Token))!);

        var table = e.RootElement.GetProperty("object");
        Assert.Equal("MODIFIED", e.RootElement.GetProperty("type").GetString());
        Assert.Equal("Table", table.GetProperty("kind").GetString());
        Assert.Equal("Name", table.GetProperty("columnDefinitions")[0].GetProperty("name").GetString());
        var cells = table.GetProperty("rows")[0].GetProperty("cells");
        Assert.Equal("postgresql-0", cells[0].GetString());
        Assert.Equal("Running", cells[2].GetString());
    }

    [Fact]
    public async Task LegacyWatchPath_NamedPod_StreamsOnlyThatPod()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };
        var version = sandbox.Cluster.Store.ResourceVersion;
        var other = StoreWait.Pods(sandbox.Cluster.Store, Ns, "redis")[0].Name;
        await client.CoreV1.PatchNamespacedPodAsync(Label("on"), other, Ns);
        await client.CoreV1.PatchNamespacedPodAsync(Label("on"), "postgresql-0", Ns);

        using var response = await http.GetAsync(new Uri($"/api/v1/watch/namespaces/{Ns}/pods/postgresql-0?resourceVersion={version}", UriKind.Relative),
            HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var e = JsonDocument.Parse((await reader.ReadLineAsync(cancel.Token))!);

        Assert.Equal("MODIFIED", e.RootElement.GetProperty("type").GetString());
        Assert.Equal("postgresql-0", e.RootElement.GetProperty("object").GetProperty("metadata").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ReadNamespacedPodLog_LimitBytes_TruncatesTheLog()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);

        await using var stream = await client.CoreV1.ReadNamespacedPodLogAsync("postgresql-0", Ns, limitBytes: 12, sinceSeconds: 3 * 86400);
        using var reader = new StreamReader(stream);

        Assert.Equal("INFO  Starti", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Watch_NoResourceVersion_StartsWithSyntheticAddedForExistingObjects()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var names = new List<string>();
        await foreach (var (type, pod) in client.CoreV1.WatchListNamespacedPodAsync(Ns, labelSelector: "app=api-gateway", cancellationToken: cancel.Token))
        {
            Assert.Equal(WatchEventType.Added, type);
            names.Add(pod.Metadata.Name);
            if (names.Count == 2)
            {
                break;
            }
        }

        Assert.All(names, n => Assert.StartsWith("prod-api-gateway-deployment-", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyLoadGenerator_Running_SendsBlogRequestsThroughTheGateway()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        using var kubectl = new Kubectl(sandbox);
        var apply = await kubectl.RunAsync("apply", "--server-side", "-f", SandboxHost.LoadGeneratorManifestPath);
        await StoreWait.UntilAsync(sandbox, s => StoreWait.Pods(s, Ns, "load-generator").Any(StoreWait.IsReady), "the load generator is Ready");
        var pod = StoreWait.Pods(sandbox.Cluster.Store, Ns, "load-generator")[0].Name;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await using var stream = await client.CoreV1.ReadNamespacedPodLogAsync(pod, Ns, container: "load-generator", follow: true, cancellationToken: cancel.Token);
        using var reader = new StreamReader(stream);
        string? line;
        do
        {
            line = await reader.ReadLineAsync(cancel.Token);
        }
        while (line is not null && !line.EndsWith("GET /blog/ -> HTTP 200", StringComparison.Ordinal));

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.Equal("deployment.apps/load-generator serverside-applied", apply.Stdout.Trim());
        Assert.NotNull(line);
    }

    private static V1Patch Label(string value) =>
        new($"{{\"metadata\":{{\"labels\":{{\"demo\":\"{value}\"}}}}}}", V1Patch.PatchType.MergePatch);
}
