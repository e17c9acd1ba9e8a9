using System.Net;
using DemoConsole.Sandbox.Store;
using DemoConsole.Sandbox.Tests.Support;

namespace DemoConsole.Sandbox.Tests;

/// <summary>The demo gateway: the seed's curl status codes, routing to Ready pods only, access logs and Istio metrics.</summary>
public sealed class GatewayTests
{
    [Fact]
    public async Task GetBlog_SeedCurl_Returns200AndThePage()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = TestSandbox.Gateway(sandbox);

        using var response = await http.GetAsync(new Uri("/blog/", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<!DOCTYPE html>", body, StringComparison.Ordinal);
        Assert.Contains("Titanium Blog", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetUnknownPath_SeedErrorScenario_Returns404()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = TestSandbox.Gateway(sandbox);

        using var response = await http.GetAsync(new Uri("/nonexistent-endpoint", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DeleteBlog_SeedErrorScenario_Returns405WithAllow()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = TestSandbox.Gateway(sandbox);

        using var response = await http.DeleteAsync(new Uri("/blog/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task AuthAndUsers_KnownEndpoints_Return200()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = TestSandbox.Gateway(sandbox);

        using var login = await http.PostAsync(new Uri("/api/auth/login", UriKind.Relative), new StringContent("{\"username\":\"demo\"}"));
        using var users = await http.GetAsync(new Uri("/api/users", UriKind.Relative));
        using var missingUser = await http.GetAsync(new Uri("/api/users/99", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("access_token", await login.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingUser.StatusCode);
    }

    [Fact]
    public async Task GetBlog_NoReadyBlogPod_Returns503()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = TestSandbox.Gateway(sandbox);
        using var kubectl = new Kubectl(sandbox);

        var scale = await kubectl.RunAsync("scale", "deployment/prod-blog-service-deployment", "-n", "titanium-prod", "--replicas=0");
        await StoreWait.UntilAsync(sandbox, s => !StoreWait.Pods(s, "titanium-prod", "blog-service").Any(StoreWait.IsReady), "no blog pod is Ready");
        using var response = await http.GetAsync(new Uri("/blog/", UriKind.Relative));

        Assert.True(scale.ExitCode == 0, scale.ToString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("no healthy upstream", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetBlog_WhileABlogPodIsReplaced_EveryRequestSucceeds()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = TestSandbox.Gateway(sandbox);
        var store = sandbox.Cluster.Store;
        var victim = StoreWait.Pods(store, "titanium-prod", "blog-service")[0];
        var codes = new List<HttpStatusCode>();

        sandbox.Cluster.Pods.Delete("titanium-prod", victim.Name, null, dryRun: false);
        while (!(store.Get(ResourceTypes.Pods, "titanium-prod", victim.Name) is null
                 && StoreWait.Pods(store, "titanium-prod", "blog-service").Count(StoreWait.IsReady) == 2))
        {
            using var response = await http.GetAsync(new Uri("/blog/", UriKind.Relative));
            codes.Add(response.StatusCode);
        }

        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.Equal(HttpStatusCode.OK, c));
    }

    [Fact]
    public async Task Metrics_AfterRequests_ExposesIstioCountersHistogramAndContainerSeries()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = TestSandbox.Gateway(sandbox);
        for (var i = 0; i < 3; i++)
        {
            (await http.GetAsync(new Uri("/blog/", UriKind.Relative))).Dispose();
        }

        (await http.GetAsync(new Uri("/nonexistent-endpoint", UriKind.Relative))).Dispose();
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Matches(@"istio_requests_total\{[^}]*destination_service_name=""prod-blog-service""[^}]*reporter=""destination""[^}]*response_code=""200""[^}]*\} 3", metrics);
        Assert.Matches(@"istio_requests_total\{[^}]*destination_service_name=""prod-api-gateway""[^}]*response_code=""404""[^}]*\} 1", metrics);
        Assert.Matches(@"istio_request_duration_milliseconds_bucket\{[^}]*le=""\+Inf""[^}]*response_code=""200""[^}]*\} 3", metrics);
        Assert.Matches(@"istio_request_duration_milliseconds_count\{[^}]*prod-blog-service[^}]*\} 3", metrics);
        Assert.Matches(@"container_cpu_usage_seconds_total\{container=""blog-service-container"",namespace=""titanium-prod"",pod=""prod-blog-service-deployment-[^""]+""\} \d", metrics);
        Assert.Matches(@"container_memory_working_set_bytes\{container=""postgresql"",namespace=""titanium-prod"",pod=""postgresql-0""\} \d+", metrics);
    }
}
