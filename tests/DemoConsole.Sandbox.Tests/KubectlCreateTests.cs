using System.Text;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Tests.Support;

namespace DemoConsole.Sandbox.Tests;

/// <summary>
/// The real kubectl's create generators, which send built-in kinds as protobuf
/// (application/vnd.kubernetes.protobuf): each object is read back as JSON with what kubectl put in it.
/// </summary>
public sealed class KubectlCreateTests
{
    private const string Ns = "titanium-prod";

    [Fact]
    public async Task CreateNamespace_IsActiveAndListed()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);

        var created = await kubectl.RunAsync("create", "namespace", "check-ns");
        var read = await ReadAsync(kubectl, "namespace", "check-ns", null);

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal("namespace/check-ns created", created.Stdout.Trim());
        Assert.Equal("Namespace", (string?)read["kind"]);
        Assert.Contains(sandbox.Journal.Requests, r => r.Method == "POST" && r.Path == "/api/v1/namespaces");
    }

    [Fact]
    public async Task CreateDeployment_KeepsZeroReplicasCommandAndPort()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);

        var created = await kubectl.RunAsync("create", "deployment", "web", "-n", Ns, "--image=nginx:1.27", "--replicas=0", "--port=8080", "--", "sh", "-c", "echo hi");
        var read = await ReadAsync(kubectl, "deployment", "web", Ns);

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal(0, (int)read["spec"]!["replicas"]!);
        Assert.Equal("web", (string?)read["spec"]!["selector"]!["matchLabels"]!["app"]);
        Assert.Equal("RollingUpdate", (string?)read["spec"]!["strategy"]!["type"]);
        var container = read["spec"]!["template"]!["spec"]!["containers"]![0]!;
        Assert.Equal("nginx", (string?)container["name"]);
        Assert.Equal("nginx:1.27", (string?)container["image"]);
        Assert.Equal(["sh", "-c", "echo hi"], container["command"]!.AsArray().Select(c => (string?)c));
        Assert.Equal(8080, (int)container["ports"]![0]!["containerPort"]!);
        Assert.Null(container["workingDir"]);
    }

    [Fact]
    public async Task CreateDeployment_TwoReplicas_RollsOutPods()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);

        var created = await kubectl.RunAsync("create", "deployment", "plain", "-n", Ns, "--image=nginx", "--replicas=2");
        var rollout = await kubectl.RunAsync("rollout", "status", "deployment/plain", "-n", Ns, "--timeout=50s");

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.True(rollout.ExitCode == 0, rollout.ToString());
        Assert.Contains("successfully rolled out", rollout.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateConfigMap_LiteralsAndABinaryFile()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var file = Path.Combine(Directory.CreateTempSubdirectory("cm-").FullName, "blob.bin");
        await File.WriteAllBytesAsync(file, [0x00, 0xff, 0x10]);

        var literals = await kubectl.RunAsync("create", "configmap", "cfg", "-n", Ns, "--from-literal=a=1", "--from-literal=b=two");
        var binary = await kubectl.RunAsync("create", "configmap", "blob", "-n", Ns, $"--from-file={file}");
        var cfg = await ReadAsync(kubectl, "configmap", "cfg", Ns);
        var blob = await ReadAsync(kubectl, "configmap", "blob", Ns);

        Assert.True(literals.ExitCode == 0, literals.ToString());
        Assert.True(binary.ExitCode == 0, binary.ToString());
        Assert.Equal("1", (string?)cfg["data"]!["a"]);
        Assert.Equal("two", (string?)cfg["data"]!["b"]);
        Assert.Equal("AP8Q", (string?)blob["binaryData"]!["blob.bin"]);
    }

    [Fact]
    public async Task CreateSecretGeneric_IsOpaqueWithBase64Data()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);

        var created = await kubectl.RunAsync("create", "secret", "generic", "sec", "-n", Ns, "--from-literal=password=s3cr3t");
        var read = await ReadAsync(kubectl, "secret", "sec", Ns);
        var listed = await kubectl.RunAsync("get", "secret", "sec", "-n", Ns);

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Equal("Opaque", (string?)read["type"]);
        Assert.Equal("s3cr3t", Encoding.UTF8.GetString(Convert.FromBase64String((string)read["data"]!["password"]!)));
        Assert.Matches(@"(?m)^sec\s+Opaque\s+1\s+\S+$", listed.Stdout);
    }

    [Fact]
    public async Task CreateServiceClusterIp_PortTargetPortAndSelector()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);

        var created = await kubectl.RunAsync("create", "service", "clusterip", "svc", "-n", Ns, "--tcp=80:8080");
        var read = await ReadAsync(kubectl, "service", "svc", Ns);

        Assert.True(created.ExitCode == 0, created.ToString());
        var port = read["spec"]!["ports"]![0]!;
        Assert.Equal("80-8080", (string?)port["name"]);
        Assert.Equal(80, (int)port["port"]!);
        Assert.Equal(8080, (int)port["targetPort"]!);
        Assert.Equal("TCP", (string?)port["protocol"]);
        Assert.Equal("svc", (string?)read["spec"]!["selector"]!["app"]);
        Assert.Equal("ClusterIP", (string?)read["spec"]!["type"]);
        Assert.StartsWith("10.96.", (string?)read["spec"]!["clusterIP"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateServiceAccount_IsListed()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);

        var created = await kubectl.RunAsync("create", "serviceaccount", "robot", "-n", Ns);
        var listed = await kubectl.RunAsync("get", "serviceaccount", "robot", "-n", Ns);

        Assert.True(created.ExitCode == 0, created.ToString());
        Assert.Matches(@"(?m)^robot\s+0\s+\S+$", listed.Stdout);
    }

    [Fact]
    public async Task CreateJob_OfAGroupTheSandboxDoesNotServe_SaysSo()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);

        var created = await kubectl.RunAsync("create", "job", "once", "-n", Ns, "--image=busybox");

        Assert.NotEqual(0, created.ExitCode);
        Assert.Contains("the Demo Console sandbox does not serve POST /apis/batch/v1/namespaces/titanium-prod/jobs", created.Stderr, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> ReadAsync(Kubectl kubectl, string kind, string name, string? ns)
    {
        var result = ns is null ? await kubectl.RunAsync("get", kind, name, "-o", "json") : await kubectl.RunAsync("get", kind, name, "-n", ns, "-o", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonNode.Parse(result.Stdout)!;
    }
}
