using System.Text.Json.Nodes;
using k8s;
using DemoConsole.Sandbox.Tests.Support;

namespace DemoConsole.Sandbox.Tests;

/// <summary>
/// coordination.k8s.io/v1 Leases through the real kubectl: discovered like any other resource, printed with the
/// cluster's columns, and written with the API server's optimistic concurrency, which is what leader election stands
/// on (a replace carrying a stale resourceVersion is a 409 Conflict, a second create of a name a 409 AlreadyExists).
/// </summary>
public sealed class LeaseTests
{
    private const string Ns = "titanium-prod";

    [Fact]
    public async Task Discovery_ListsLeases_AndGetPrintsTheHolder()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var file = await LeaseFileAsync("console-leader", "replica-a");

        var resources = await Ok(kubectl.RunAsync("api-resources", "--api-group=coordination.k8s.io"));
        var created = await Ok(kubectl.RunAsync("create", "-f", file));
        var table = await Ok(kubectl.RunAsync("get", "leases", "-n", Ns));

        Assert.Matches(@"(?m)^leases\s+coordination\.k8s\.io/v1\s+true\s+Lease$", resources.Stdout);
        Assert.Equal("lease.coordination.k8s.io/console-leader created", created.Stdout.Trim());
        var lines = table.Stdout.Trim().Split('\n');
        Assert.Matches(@"^NAME\s+HOLDER\s+AGE$", lines[0]);
        Assert.Matches(@"^console-leader\s+replica-a\s+\d+s$", lines[1]);
    }

    [Fact]
    public async Task ReplaceWithAStaleResourceVersion_IsAConflict_AndTheCurrentOneWins()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        await Ok(kubectl.RunAsync("create", "-f", await LeaseFileAsync("console-leader", "replica-a")));
        var read = JsonNode.Parse((await Ok(kubectl.RunAsync("get", "lease", "console-leader", "-n", Ns, "-o", "json"))).Stdout)!;
        var stale = (string)read["metadata"]!["resourceVersion"]!;

        // Two replicas read the same version; the first write wins, the second is refused.
        read["spec"]!["holderIdentity"] = "replica-b";
        var first = await kubectl.RunAsync("replace", "-f", await WriteAsync(read));
        read["spec"]!["holderIdentity"] = "replica-c";
        var staleFile = await WriteAsync(read);
        var second = await kubectl.RunAsync("replace", "-f", staleFile);
        var holder = await Ok(kubectl.RunAsync("get", "lease", "console-leader", "-n", Ns, "-o", "jsonpath={.spec.holderIdentity}"));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(
            $"Error from server (Conflict): error when replacing \"{staleFile}\": Operation cannot be fulfilled on leases.coordination.k8s.io \"console-leader\": "
            + "the object has been modified; please apply your changes to the latest version and try again",
            second.Stderr.Trim());
        Assert.Equal("replica-b", holder.Stdout);
    }

    [Fact]
    public async Task CreateTwice_IsAlreadyExists_AndAfterDeleteItIsNotFound()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var file = await LeaseFileAsync("console-leader", "replica-a");
        await Ok(kubectl.RunAsync("create", "-f", file));

        var again = await kubectl.RunAsync("create", "-f", file);
        var patched = await kubectl.RunAsync("patch", "lease", "console-leader", "-n", Ns, "--type=merge", "-p", """{"spec":{"holderIdentity":""}}""");
        var released = await Ok(kubectl.RunAsync("get", "lease", "console-leader", "-n", Ns, "-o", "jsonpath={.spec.holderIdentity}"));
        var deleted = await kubectl.RunAsync("delete", "lease", "console-leader", "-n", Ns);
        var gone = await kubectl.RunAsync("get", "lease", "console-leader", "-n", Ns);

        Assert.Equal(
            $"Error from server (AlreadyExists): error when creating \"{file}\": leases.coordination.k8s.io \"console-leader\" already exists",
            again.Stderr.Trim());
        Assert.True(patched.ExitCode == 0, patched.ToString());
        Assert.Equal("", released.Stdout);
        Assert.Equal("lease.coordination.k8s.io \"console-leader\" deleted", deleted.Stdout.Trim());
        Assert.Equal("Error from server (NotFound): leases.coordination.k8s.io \"console-leader\" not found", gone.Stderr.Trim());
    }

    [Fact]
    public async Task KubernetesClientWatch_FromAResourceVersion_SeesTheHolderChange()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        using var client = TestSandbox.Client(sandbox);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Ok(kubectl.RunAsync("create", "-f", await LeaseFileAsync("console-leader", "replica-a")));
        var list = await client.CoordinationV1.ListNamespacedLeaseAsync(Ns, cancellationToken: cancel.Token);

        await Ok(kubectl.RunAsync("patch", "lease", "console-leader", "-n", Ns, "--type=merge", "-p", """{"spec":{"holderIdentity":"replica-b"}}"""));
        var events = new List<(WatchEventType, string)>();
        await foreach (var (type, lease) in client.CoordinationV1.WatchListNamespacedLeaseAsync(Ns, resourceVersion: list.Metadata.ResourceVersion,
            timeoutSeconds: 1, cancellationToken: cancel.Token))
        {
            events.Add((type, lease.Spec.HolderIdentity));
        }

        Assert.Equal(["console-leader"], list.Items.Select(l => l.Metadata.Name));
        Assert.Equal([(WatchEventType.Modified, "replica-b")], events);
    }

    private static async Task<string> LeaseFileAsync(string name, string holder) => await WriteAsync(JsonNode.Parse($$"""
        {
          "apiVersion": "coordination.k8s.io/v1",
          "kind": "Lease",
          "metadata": { "name": "{{name}}", "namespace": "{{Ns}}" },
          "spec": { "holderIdentity": "{{holder}}", "leaseDurationSeconds": 8, "renewTime": "2026-01-01T00:00:00.000000Z" }
        }
        """)!);

    private static async Task<string> WriteAsync(JsonNode lease)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("lease-").FullName, "lease.json");
        await File.WriteAllTextAsync(path, lease.ToJsonString());
        return path;
    }

    private static async Task<KubectlResult> Ok(Task<KubectlResult> run)
    {
        var result = await run;
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
