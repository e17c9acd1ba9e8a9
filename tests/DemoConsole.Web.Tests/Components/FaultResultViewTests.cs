using Bunit;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Cluster.Faults;
using DemoConsole.Web.Components.Panels.Results;

namespace DemoConsole.Web.Tests.Components;

public class FaultResultViewTests : ConsoleComponentTest
{
    private static FaultState Cleared(int ready, bool done, double seconds) => new()
    {
        Namespace = "titanium-prod",
        Deployment = "prod-blog-service-deployment",
        Fault = "crash-loop",
        Active = false,
        Healing = new RolloutProgress { Namespace = "titanium-prod", Deployment = "prod-blog-service-deployment", Change = "heal", Desired = 2, Updated = 2, Ready = ready, Done = done, Seconds = seconds },
    };

    [Fact]
    public void Clear_WhileHealing_ShowsReadyCount_ThenTheTimeToAllReady()
    {
        var cut = Render<FaultResultView>(p => p.Add(x => x.Result, Cleared(1, false, 3.2)));
        Assert.Equal("false", cut.Find("[data-testid=fault-healing]").GetAttribute("data-done"));
        Assert.Contains("1/2 Ready, healing", cut.Find("[data-testid=fault-healing]").TextContent);
        Assert.Contains("crash-loop cleared on", cut.Find("[data-testid=fault-result]").TextContent);

        cut.Render(p => p.Add(x => x.Result, Cleared(2, true, 12.34)));
        Assert.Contains("12.3 s", cut.Find("[data-testid=fault-healing]").TextContent);
        Assert.Contains("2/2 Ready again", cut.Find("[data-testid=fault-healing]").TextContent);
    }

    [Fact]
    public void Inject_ShowsTheFaultOnTheDeployment()
    {
        var cut = Render<FaultResultView>(p => p.Add(x => x.Result,
            new FaultState { Namespace = "titanium-prod", Deployment = "prod-user-service-deployment", Fault = "image-pull", Active = true, Image = "docker.io/x:missing" }));

        Assert.Equal("true", cut.Find("[data-testid=fault-result]").GetAttribute("data-active"));
        Assert.Contains("image-pull on", cut.Markup);
        Assert.Contains("image now docker.io/x:missing", cut.Find("[data-testid=fault-note]").TextContent);
    }
}
