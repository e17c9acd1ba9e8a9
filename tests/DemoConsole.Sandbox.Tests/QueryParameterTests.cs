using System.Net;
using System.Text.Json;
using DemoConsole.Sandbox.Tests.Support;

namespace DemoConsole.Sandbox.Tests;

/// <summary>Query parameters read as kube-apiserver reads them, whichever spelling a client uses.</summary>
public sealed class QueryParameterTests
{
    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("1")]
    [InlineData("yes")]
    [InlineData("")]
    public async Task ListPods_WatchSpelledAnyTrueWay_StreamsWatchEvents(string value)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };

        using var response = await http.GetAsync($"/api/v1/namespaces/titanium-prod/pods?watch={value}", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var first = JsonDocument.Parse((await reader.ReadLineAsync())!).RootElement;

        Assert.Equal("ADDED", first.GetProperty("type").GetString());
        Assert.Equal("Pod", first.GetProperty("object").GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    [InlineData("FALSE")]
    [InlineData("0")]
    public async Task ListPods_WatchSpelledFalse_AnswersAList(string value)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };

        var list = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/namespaces/titanium-prod/pods?watch={value}")).RootElement;

        Assert.Equal("PodList", list.GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("/api/v1/namespaces/titanium-prod/pods?watch=true&timeoutSeconds=soon", "timeoutSeconds")]
    [InlineData("/api/v1/namespaces/titanium-prod/pods?watch=1&timeoutSeconds=1.5", "timeoutSeconds")]
    public async Task Request_IntegerParameterThatIsNotOne_Is400StatusNamingIt(string path, string parameter)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };

        using var response = await http.GetAsync(path);
        var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Status", status.GetProperty("kind").GetString());
        Assert.Equal("BadRequest", status.GetProperty("reason").GetString());
        Assert.StartsWith(parameter + ": strconv.ParseInt", status.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PodLog_TailLinesNotANumber_Is400StatusNamingIt()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var client = TestSandbox.Client(sandbox);
        var pod = (await k8s.CoreV1OperationsExtensions.ListNamespacedPodAsync(client.CoreV1, "titanium-prod", labelSelector: "app=api-gateway")).Items[0].Metadata.Name;
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };

        using var response = await http.GetAsync($"/api/v1/namespaces/titanium-prod/pods/{pod}/log?container=api-gateway-container&tailLines=ten");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("tailLines", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
