using System.Net;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DemoConsole.Sandbox.Tests;

/// <summary>
/// <c>limit</c> and <c>continue</c> as kube-apiserver pages a list: kubectl's <c>--chunk-size</c>, KubernetesClient
/// and raw requests; every page reads the first page's snapshot; an expired token is 410 with a way to go on.
/// </summary>
public sealed class PagingTests
{
    private const string Ns = "titanium-prod";

    [Fact]
    public async Task Kubectl_ChunkSizeTwo_ListsEveryPodInPages()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var whole = await kubectl.RunAsync("get", "pods", "-A", "--chunk-size=0", "-o", "name");
        sandbox.Journal.Clear();

        var chunked = await kubectl.RunAsync("get", "pods", "-A", "--chunk-size=2", "-o", "name");

        Assert.True(chunked.ExitCode == 0, chunked.ToString());
        var pods = whole.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(pods.Length > 10, whole.ToString());
        Assert.Equal(pods, chunked.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var pages = sandbox.Journal.Requests.Where(r => r.Path == "/api/v1/pods").ToList();
        Assert.Equal((pods.Length + 1) / 2, pages.Count);
        Assert.All(pages, p => Assert.Contains("limit=2", p.Query, StringComparison.Ordinal));
        Assert.Equal(pages.Count - 1, pages.Count(p => p.Query.Contains("continue=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Kubectl_ChunkSizeTwo_TableHasOneHeaderAndEveryRow()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);

        var whole = await kubectl.RunAsync("get", "pods", "-n", Ns, "--chunk-size=0");
        var chunked = await kubectl.RunAsync("get", "pods", "-n", Ns, "--chunk-size=2");

        Assert.True(chunked.ExitCode == 0, chunked.ToString());
        Assert.Equal(Names(whole.Stdout), Names(chunked.Stdout));
        Assert.Single(chunked.Stdout.Split('\n'), l => l.StartsWith("NAME ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task KubernetesClient_PagesByTwo_GetsEveryPodOnceWithRemainingCounts()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        var all = await client.CoreV1.ListNamespacedPodAsync(Ns);

        var names = new List<string>();
        var remaining = new List<long?>();
        string? next = null;
        do
        {
            var page = await client.CoreV1.ListNamespacedPodAsync(Ns, limit: 2, continueParameter: next);
            Assert.True(page.Items.Count <= 2);
            Assert.Equal(all.Metadata.ResourceVersion, page.Metadata.ResourceVersion);
            names.AddRange(page.Items.Select(p => p.Metadata.Name));
            remaining.Add(page.Metadata.RemainingItemCount);
            next = page.Metadata.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(next));

        Assert.Equal(all.Items.Select(p => p.Metadata.Name), names);
        var expected = Enumerable.Range(1, remaining.Count).Select(i => i == remaining.Count ? (long?)null : all.Items.Count - (2 * i)).ToList();
        Assert.Equal(expected, remaining);
    }

    [Fact]
    public async Task Continue_AfterADeleteAndACreate_StillReadsTheFirstPagesSnapshot()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        var all = await client.CoreV1.ListNamespacedConfigMapAsync(Ns);
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a-paging-1" } }, Ns);
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "a-paging-2" } }, Ns);
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "z-paging-3" } }, Ns);
        var before = await client.CoreV1.ListNamespacedConfigMapAsync(Ns);

        var first = await client.CoreV1.ListNamespacedConfigMapAsync(Ns, limit: 1);
        await client.CoreV1.DeleteNamespacedConfigMapAsync("z-paging-3", Ns);
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "m-paging-4" } }, Ns);
        await client.CoreV1.PatchNamespacedConfigMapAsync(new V1Patch("""{"data":{"k":"changed"}}""", V1Patch.PatchType.MergePatch), "a-paging-2", Ns);
        var rest = await client.CoreV1.ListNamespacedConfigMapAsync(Ns, continueParameter: first.Metadata.ContinueProperty);

        Assert.Equal(all.Items.Count + 3, before.Items.Count);
        Assert.Equal(before.Metadata.ResourceVersion, rest.Metadata.ResourceVersion);
        Assert.Equal(before.Items.Select(c => c.Metadata.Name), first.Items.Concat(rest.Items).Select(c => c.Metadata.Name));
        Assert.Null(rest.Items.Single(c => c.Metadata.Name == "a-paging-2").Data);
        Assert.Null(rest.Metadata.ContinueProperty);
        Assert.Null(rest.Metadata.RemainingItemCount);
    }

    [Fact]
    public async Task LabelSelector_PagesWithoutARemainingCount()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);

        var first = await client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: "app in (api-gateway,blog-service)", limit: 3);
        var rest = await client.CoreV1.ListPodForAllNamespacesAsync(labelSelector: "app in (api-gateway,blog-service)", continueParameter: first.Metadata.ContinueProperty);

        Assert.Equal(3, first.Items.Count);
        Assert.NotNull(first.Metadata.ContinueProperty);
        Assert.Null(first.Metadata.RemainingItemCount);
        Assert.Single(rest.Items);
    }

    [Fact]
    public async Task Continue_WhoseSnapshotLeftTheHistory_Is410ExpiredWithATokenForTheRest()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        var first = await client.CoreV1.ListNamespacedPodAsync(Ns, limit: 2);
        await client.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "churn" } }, Ns);
        for (var i = 0; i < 5000; i++)
        {
            // More changes than the store's history holds (etcd's compaction, in the sandbox's terms).
            sandbox.Cluster.Store.Update(ResourceTypes.ConfigMaps, Ns, "churn", c => { c["data"] = new JsonObject { ["i"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }; return true; });
        }

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespacedPodAsync(Ns, limit: 2, continueParameter: first.Metadata.ContinueProperty));
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        var rest = await client.CoreV1.ListNamespacedPodAsync(Ns, continueParameter: status.Metadata.ContinueProperty);
        var all = await client.CoreV1.ListNamespacedPodAsync(Ns);

        Assert.Equal(HttpStatusCode.Gone, error.Response.StatusCode);
        Assert.Equal("Expired", status.Reason);
        Assert.StartsWith("The provided continue parameter is too old to display a consistent list result.", status.Message, StringComparison.Ordinal);
        Assert.Equal(all.Items.Skip(2).Select(p => p.Metadata.Name), rest.Items.Select(p => p.Metadata.Name));
        Assert.Equal(all.Metadata.ResourceVersion, rest.Metadata.ResourceVersion);
    }

    [Theory]
    [InlineData("not*base64", "invalid continue token: continue key is not valid: illegal base64 data at input byte 3")]
    [InlineData("eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MCwic3RhcnQiOiJ4In0", "invalid continue token: continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)")]
    [InlineData("eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6NSwic3RhcnQiOiIifQ", "invalid continue token: continue key is not valid: encoded start key empty (version meta.k8s.io/v1)")]
    [InlineData("eyJ2IjoidjJ4IiwicnYiOjUsInN0YXJ0IjoieCJ9", "invalid continue token: continue key is not valid: server does not recognize this encoded version")]
    public async Task MalformedContinue_Is400NamingWhatIsWrong(string token, string message)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };

        using var response = await http.GetAsync($"/api/v1/namespaces/{Ns}/pods?limit=2&continue={token}");
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadRequest", (string?)status["reason"]);
        Assert.Equal(message, (string?)status["message"]);
    }

    [Fact]
    public async Task ContinueWithAResourceVersion_Is400()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        var first = await client.CoreV1.ListNamespacedPodAsync(Ns, limit: 2);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            client.CoreV1.ListNamespacedPodAsync(Ns, continueParameter: first.Metadata.ContinueProperty, resourceVersion: first.Metadata.ResourceVersion));

        Assert.Equal(HttpStatusCode.BadRequest, error.Response.StatusCode);
        Assert.Equal("specifying resource version is not allowed when using continue", KubernetesJson.Deserialize<V1Status>(error.Response.Content).Message);
    }

    private static IEnumerable<string> Names(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(' ')[0]);
}
