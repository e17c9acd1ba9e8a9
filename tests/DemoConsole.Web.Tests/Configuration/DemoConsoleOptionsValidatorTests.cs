using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Configuration;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DemoConsole.Web.Tests.Configuration;

public sealed class DemoConsoleOptionsValidatorTests
{
    [Fact]
    public async Task Start_BadClusterActionAndLoadOptions_RefusesToStartNamingBoth()
    {
        // The real host, as Program.cs builds it; a host that failed to start is disposed, never stopped.
        await using var app = DemoConsoleHost.Build([
            "--urls=http://127.0.0.1:0",
            "--DemoConsole:StateFile=",
            "--DemoConsole:ClusterActions:AvailabilityPath=blog",
            "--DemoConsole:Load:MaxRate=0",
        ]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("DemoConsole:ClusterActions: AvailabilityPath", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("DemoConsole:Load", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_ClusterActionsConfigured_AreBoundWithTheOtherOptions()
    {
        await using var factory = new ConsoleWebFactory()
            .With("DemoConsole:ClusterActions:AllowedNamespaces:0", "staging")
            .With("DemoConsole:ClusterActions:MinimumKillInterval", "00:01:00");
        factory.CreateClient().Dispose();

        var options = factory.Services.GetRequiredService<IOptions<DemoConsoleOptions>>().Value.ClusterActions;

        Assert.Equal(["staging"], options.AllowedNamespaces);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MinimumKillInterval);
    }
}
