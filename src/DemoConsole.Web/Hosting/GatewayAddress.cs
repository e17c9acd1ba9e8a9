using DemoConsole.Core.Cluster;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Scenarios;
using DemoConsole.Web.Configuration;
using Microsoft.Extensions.Options;

namespace DemoConsole.Web.Hosting;

/// <summary>
/// Where load goes: the configured gateway; in sandbox mode the sandbox's own gateway (its port may differ
/// from the runbook's if that one was taken); otherwise the scenario's front matter.
/// </summary>
public sealed class GatewayAddress(IOptions<DemoConsoleOptions> options, IScenarioSource scenarios) : IGatewayAddress
{
    private Uri? _sandbox;

    public Uri? Gateway =>
        options.Value.GatewayUrl is { Length: > 0 } configured ? new Uri(configured)
        : options.Value.Cluster.Mode == ClusterMode.Sandbox ? _sandbox
        : scenarios.Current.Scenario.Targets.Gateway;

    /// <summary>Set by the sandbox once it listens.</summary>
    public void UseSandbox(Uri gateway) => _sandbox = gateway;
}
