using DemoConsole.Sandbox.Tests.Support;

namespace DemoConsole.Sandbox.Tests;

/// <summary>
/// What the sandbox cannot do (it runs no containers and has no pod network) is refused at once with a Status that
/// says so, read by the real kubectl: never a hang, never a bare 404 page.
/// </summary>
public sealed class UnservedRequestTests
{
    [Theory]
    [InlineData("exec", "exec", "{0}", "--", "ls")]
    [InlineData("attach", "attach", "{0}")]
    [InlineData("port-forward", "portforward", "{0}", "18999:8000")]
    [InlineData("debug", "ephemeralcontainers", "{0}", "--image=busybox", "--profile=general")]
    public async Task ContainerVerbs_OnAnExistingPod_AreRefusedNamingTheSandbox(string verb, string subresource, params string[] rest)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);
        var pod = (await kubectl.RunAsync("get", "pods", "-n", "titanium-prod", "-l", "app=api-gateway", "-o", "jsonpath={.items[0].metadata.name}")).Stdout;

        var result = await kubectl.RunAsync([verb, "-n", "titanium-prod", .. rest.Select(a => string.Format(System.Globalization.CultureInfo.InvariantCulture, a, pod))]);

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains($"{subresource} is not supported on resources of kind \"pods\": the Demo Console sandbox runs no containers", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_OnAMissingPod_IsNotFoundFirst()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);

        var result = await kubectl.RunAsync("exec", "-n", "titanium-prod", "no-such-pod", "--", "ls");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("Error from server (NotFound): pods \"no-such-pod\" not found", result.Stderr.Trim());
    }

    [Theory]
    [InlineData("/api/v1/namespaces/titanium-prod/services/prod-api-gateway:8000/proxy/api/health")]
    [InlineData("/api/v1/namespaces/titanium-prod/services/http:prod-api-gateway:8000/proxy")]
    public async Task ServiceProxy_IsRefusedAsMethodNotAllowed(string path)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);

        var result = await kubectl.RunAsync("get", "--raw", path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Error from server (MethodNotAllowed): proxy is not supported on resources of kind \"services\": the Demo Console sandbox", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceProxy_OfAMissingService_IsNotFound()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);

        var result = await kubectl.RunAsync("get", "--raw", "/api/v1/namespaces/titanium-prod/services/nothing:80/proxy/");

        Assert.Equal("Error from server (NotFound): services \"nothing\" not found", result.Stderr.Trim());
    }

    [Theory]
    [InlineData("/apis/batch/v1/namespaces/default/jobs")]
    [InlineData("/apis/example.com/v1/widgets")]
    [InlineData("/api/v1/namespaces/default/pods/x/y/z/w")]
    [InlineData("/metrics/cadvisor")]
    public async Task UnknownPaths_AreNotFoundStatusesNamingTheSandbox(string path)
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var kubectl = new Kubectl(sandbox);

        var result = await kubectl.RunAsync("get", "--raw", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"Error from server (NotFound): the server could not find the requested resource (the Demo Console sandbox does not serve GET {path})",
            result.Stderr.Trim());
    }
}
