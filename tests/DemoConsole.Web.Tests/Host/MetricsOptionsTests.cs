using DemoConsole.Core.Cluster;
using DemoConsole.Web.Configuration;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.Options;

namespace DemoConsole.Web.Tests.Host;

public sealed class MetricsOptionsTests
{
    [Fact]
    public void Validate_BadMetricsSettings_NamesEveryProblemButNeverASecret()
    {
        var options = new DemoConsoleOptions
        {
            Prometheus = new MetricsSourceOptions { Url = "prometheus:9090", BearerToken = "tok-123", Username = "admin", TimeoutSeconds = 0 },
            Alertmanager = new MetricsSourceOptions { Password = "pw-456" },
        };

        var result = new DemoConsoleOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.Contains("DemoConsole:Prometheus:Url", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("either BearerToken or Username", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("DemoConsole:Prometheus:TimeoutSeconds", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("DemoConsole:Alertmanager:Password is set without a Username", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains("tok-123", StringComparison.Ordinal) || f.Contains("pw-456", StringComparison.Ordinal));
    }

    [Fact]
    public void Endpoints_SandboxMode_UseTheSandboxUntilAUrlIsConfigured()
    {
        var sandbox = new MetricsEndpoints(Options.Create(new DemoConsoleOptions()));
        Assert.Null(sandbox.Prometheus);

        sandbox.UseSandbox(new Uri("http://127.0.0.1:9090/"), new Uri("http://127.0.0.1:9093/"));
        Assert.Equal(new Uri("http://127.0.0.1:9090/"), sandbox.Prometheus!.Url);
        Assert.Equal(new Uri("http://127.0.0.1:9093/"), sandbox.Alertmanager!.Url);

        var configured = new MetricsEndpoints(Options.Create(new DemoConsoleOptions
        {
            Cluster = new ClusterOptions { Mode = ClusterMode.Kubeconfig },
            Prometheus = new MetricsSourceOptions { Url = "https://prom.example/", BearerToken = "tok" },
        }));
        configured.UseSandbox(new Uri("http://127.0.0.1:9090/"), new Uri("http://127.0.0.1:9093/"));
        Assert.Equal(new Uri("https://prom.example/"), configured.Prometheus!.Url);
        Assert.Equal("tok", configured.Prometheus.BearerToken);
        Assert.Null(configured.Alertmanager);
    }
}
