using DemoConsole.Core.Cluster;
using DemoConsole.Web.Configuration;
using DemoConsole.Web.Replicas;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Web.Tests.Replicas;

/// <summary>
/// Which election the replicas run (<c>DemoConsole:Replicas:Election</c>, by default the Lease in a pod and the Redis lock
/// elsewhere), where the Lease lives, and the setting refused where it cannot work.
/// </summary>
public sealed class ReplicaElectionChoiceTests
{
    [Theory]
    [InlineData(ClusterMode.InCluster, null, ReplicaElection.Lease)]
    [InlineData(ClusterMode.Kubeconfig, null, ReplicaElection.Redis)]
    [InlineData(ClusterMode.Sandbox, null, ReplicaElection.Redis)]
    [InlineData(ClusterMode.InCluster, "Redis", ReplicaElection.Redis)]
    [InlineData(ClusterMode.Kubeconfig, "lease", ReplicaElection.Lease)]
    public void Election_IsTheSettingElseLeaseInAPodAndRedisElsewhere(ClusterMode mode, string? setting, ReplicaElection expected)
    {
        var options = Bind(("DemoConsole:Cluster:Mode", mode.ToString()), ("DemoConsole:Replicas:Election", setting));

        Assert.Equal(expected, options.Replicas.ElectionFor(options.Cluster.Mode));
    }

    [Fact]
    public void Registered_IsTheChosenElection_TheLeaseInThePodsNamespaceUnderItsName()
    {
        var folder = Directory.CreateTempSubdirectory("pod-files-").FullName;
        File.WriteAllText(Path.Combine(folder, "namespace"), "console-ns\n");

        var lease = Resolve(("DemoConsole:Cluster:Mode", "InCluster"), ("DemoConsole:Cluster:ServiceAccountFolder", folder));
        var redis = Resolve(("DemoConsole:Cluster:Mode", "InCluster"), ("DemoConsole:Cluster:ServiceAccountFolder", folder), ("DemoConsole:Replicas:Election", "Redis"));
        var outside = Resolve(("DemoConsole:Cluster:Mode", "Kubeconfig"), ("DemoConsole:Replicas:Election", "Lease"));

        Assert.Equal("Kubernetes Lease console-ns/demo-console-leader", Assert.IsType<KubernetesLeaseElection>(lease).Description);
        Assert.Equal("Redis lock democonsole:leader", Assert.IsType<RedisLockElection>(redis).Description);
        Assert.Equal("Kubernetes Lease titanium-prod/demo-console-leader", Assert.IsType<KubernetesLeaseElection>(outside).Description);
    }

    [Fact]
    public void LeaseLocation_WithoutThePodsNamespaceFile_IsTheApplicationNamespace()
    {
        var empty = Directory.CreateTempSubdirectory("pod-files-").FullName;

        Assert.Equal(new LeaseLocation("shop", LeaseLocation.LeaseName), LeaseLocation.For(new ClusterTarget(ClusterMode.InCluster, ServiceAccountFolder: empty), "shop"));
        Assert.Equal(new LeaseLocation("shop", LeaseLocation.LeaseName), LeaseLocation.For(new ClusterTarget(ClusterMode.Kubeconfig), "shop"));
    }

    [Fact]
    public void Validation_RefusesTheLeaseInSandboxMode_WhereEachReplicaHasItsOwnApiServer()
    {
        var validator = new DemoConsoleOptionsValidator();

        var sandbox = validator.Validate(null, Bind(("DemoConsole:Cluster:Mode", "Sandbox"), ("DemoConsole:Replicas:Election", "Lease")));
        var inCluster = validator.Validate(null, Bind(("DemoConsole:Cluster:Mode", "InCluster"), ("DemoConsole:Replicas:Election", "Lease")));

        Assert.Contains(sandbox.Failures!, f => f.StartsWith("DemoConsole:Replicas:Election: Lease needs one cluster all replicas share", StringComparison.Ordinal));
        Assert.True(inCluster.Succeeded, inCluster.FailureMessage);
    }

    [Fact]
    public void Binding_AnUnknownElection_FailsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Bind(("DemoConsole:Replicas:Election", "Zookeeper")));

        Assert.Contains("DemoConsole:Replicas:Election", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null).Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    private static DemoConsoleOptions Bind(params (string Key, string? Value)[] settings) =>
        Configuration(settings).GetSection(DemoConsoleOptions.SectionName).Get<DemoConsoleOptions>() ?? new DemoConsoleOptions();

    /// <summary>The election AddReplicas registers for these settings (a Redis that is never reached: nothing runs).</summary>
    private static ILeaderElection Resolve(params (string Key, string? Value)[] settings)
    {
        var configuration = Configuration([.. settings, ("DemoConsole:Redis", "127.0.0.1:1")]);
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddOptions<DemoConsoleOptions>().Bind(configuration.GetSection(DemoConsoleOptions.SectionName));
        services.AddSingleton(new ClusterViewsOptions());
        services.AddSingleton<IClusterConnection>(sp =>
        {
            var cluster = Bind([.. settings]).Cluster;
            return new ClusterConnection(() => new ClusterTarget(cluster.Mode, ServiceAccountFolder: cluster.ServiceAccountFolder));
        });
        services.AddReplicas(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<ILeaderElection>();
    }
}
