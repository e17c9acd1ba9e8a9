using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Tests.Support;

namespace DemoConsole.Sandbox.Tests;

/// <summary>
/// What a container writes to stdout reaches <c>kubectl logs</c> byte for byte, invalid UTF-8 included, as the kubelet
/// serves it: the sandbox's output endpoint appends the lines, the real kubectl reads them back.
/// </summary>
public sealed class ContainerOutputTests
{
    private const string Ns = "titanium-prod";
    private const string Container = "api-gateway-container";

    [Fact]
    public async Task BytesWritten_InvalidUtf8Included_AreServedUnchangedToKubectlLogs()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };
        var pod = StoreWait.Pods(sandbox.Cluster.Store, Ns, "api-gateway")[0].Name;
        byte[] invalid = [.. "bad "u8, 0xFF, 0xFE, (byte)' ', 0xC3, 0x28, (byte)' ', .. "end"u8];
        byte[] body = [.. "plain <b>line</b>\n"u8, .. invalid, (byte)'\n'];

        using var written = await http.PostAsync($"/sandbox/v1/namespaces/{Ns}/pods/{pod}/output?container={Container}", new ByteArrayContent(body));
        var logs = await kubectl.ShellAsync($"kubectl logs {pod} -n {Ns} -c {Container} --tail=2 | od -An -tx1 | tr -d ' \\n'");

        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        Assert.Equal(2, (int)JsonNode.Parse(await written.Content.ReadAsStringAsync())!["lines"]!);
        Assert.True(logs.ExitCode == 0, logs.ToString());
        Assert.Equal(Convert.ToHexStringLower(body), logs.Stdout);
    }

    [Fact]
    public async Task UnknownPodOrContainer_AnswersTheApiServersStatus()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };
        var pod = StoreWait.Pods(sandbox.Cluster.Store, Ns, "api-gateway")[0].Name;

        using var noPod = await http.PostAsync($"/sandbox/v1/namespaces/{Ns}/pods/no-such-pod/output", new ByteArrayContent("x"u8.ToArray()));
        using var noContainer = await http.PostAsync($"/sandbox/v1/namespaces/{Ns}/pods/{pod}/output?container=nope", new ByteArrayContent("x"u8.ToArray()));
        using var twoContainers = await http.PostAsync($"/sandbox/v1/namespaces/{Ns}/pods/{pod}/output", new ByteArrayContent("x"u8.ToArray()));

        Assert.Equal(HttpStatusCode.NotFound, noPod.StatusCode);
        Assert.Equal("pods \"no-such-pod\" not found", (string?)JsonNode.Parse(await noPod.Content.ReadAsStringAsync())!["message"]);
        Assert.Equal(HttpStatusCode.BadRequest, noContainer.StatusCode);
        Assert.Contains($"container nope is not valid for pod {pod}", await noContainer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, twoContainers.StatusCode);
        Assert.Contains("a container name must be specified", await twoContainers.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
