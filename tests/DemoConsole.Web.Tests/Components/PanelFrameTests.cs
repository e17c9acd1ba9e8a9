using Bunit;
using DemoConsole.Core.Scenarios;
using DemoConsole.Web.Components.Panels;

namespace DemoConsole.Web.Tests.Components;

public class PanelFrameTests : ConsoleComponentTest
{
    private static readonly PanelDefinition Grafana = new("golden", PanelKind.Grafana, "Golden Signals", new Uri("http://127.0.0.1:30300/d/golden"), 3, 1);

    [Fact]
    public void Render_UnreachablePanel_PresenterSeesTheProblemAndTheFix()
    {
        var cut = Render<PanelFrame>(p => p.Add(x => x.Panel, Grafana));

        cut.WaitForAssertion(() => Assert.Contains("not reachable", cut.Find("[data-testid=panel-problem]").TextContent));
        Assert.Contains("Check the address", cut.Find("[data-testid=panel-problem]").TextContent);
        Assert.Empty(cut.FindAll("iframe"));
        Assert.Equal("http://127.0.0.1:30300/d/golden?kiosk", cut.Find("a.panel-open").GetAttribute("href"));
    }

    [Fact]
    public void Render_UnreachablePanelWithFallback_ShowsTheConsoleViewWithOneLineWhy()
    {
        var fallback = new ViewDefinition("signals", ViewKinds.GoldenSignals, "Golden Signals", 3, new Dictionary<string, string>(), 2);
        var cut = Render<PanelFrame>(p => p.Add(x => x.Panel, Grafana).Add(x => x.Fallback, fallback));

        cut.WaitForAssertion(() => Assert.Equal("native", cut.Find("[data-testid=panel-golden]").GetAttribute("data-mode")));
        Assert.Contains("not reachable", cut.Find("[data-testid=panel-fallback-reason]").TextContent);
        Assert.NotEmpty(cut.FindAll("[data-testid=golden-signals]"));
        Assert.Empty(cut.FindAll("[data-testid=panel-problem]"));
    }

    [Fact]
    public void Render_UnreachablePanelWithFallbackOnAudienceScreen_ShowsTheViewAndNoWarning()
    {
        var fallback = new ViewDefinition("signals", ViewKinds.GoldenSignals, "Golden Signals", 3, new Dictionary<string, string>(), 2);
        var cut = Render<PanelFrame>(p => p.Add(x => x.Panel, Grafana).Add(x => x.Fallback, fallback).Add(x => x.ShowFix, false).Add(x => x.Large, true));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=golden-signals]")));
        Assert.Empty(cut.FindAll("[data-testid=panel-problem]"));
        Assert.Empty(cut.FindAll("[data-testid=panel-fallback-reason]"));
        Assert.DoesNotContain("reachable", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Switch_WorkingFrame_PresenterAndAudienceShowTheConsoleViewThenTheFrameAgain()
    {
        PanelsReachable = true;
        var fallback = new ViewDefinition("signals", ViewKinds.GoldenSignals, "Golden Signals", 3, new Dictionary<string, string>(), 2);
        var presenter = Render<PanelFrame>(p => p.Add(x => x.Panel, Grafana).Add(x => x.Fallback, fallback));
        var audience = Render<PanelFrame>(p => p.Add(x => x.Panel, Grafana).Add(x => x.Fallback, fallback).Add(x => x.ShowFix, false));
        presenter.WaitForAssertion(() => Assert.Equal("frame", presenter.Find("[data-testid=panel-golden]").GetAttribute("data-mode")));
        Assert.Empty(audience.FindAll("[data-testid=panel-switch]"));

        presenter.Find("[data-testid=panel-switch]").Click();

        audience.WaitForAssertion(() => Assert.Equal("native", audience.Find("[data-testid=panel-golden]").GetAttribute("data-mode")));
        presenter.WaitForAssertion(() => Assert.Equal("native", presenter.Find("[data-testid=panel-golden]").GetAttribute("data-mode")));
        Assert.Empty(presenter.FindAll("[data-testid=panel-fallback-reason]"));

        presenter.Find("[data-testid=panel-switch]").Click();

        audience.WaitForAssertion(() => Assert.Equal("frame", audience.Find("[data-testid=panel-golden]").GetAttribute("data-mode")));
    }

    [Fact]
    public void Render_UnreachablePanelOnAudienceScreen_SaysUnavailableWithoutAddressesOrErrors()
    {
        var cut = Render<PanelFrame>(p => p.Add(x => x.Panel, Grafana).Add(x => x.ShowFix, false));

        cut.WaitForAssertion(() => Assert.Contains("not available right now", cut.Find("[data-testid=panel-problem]").TextContent));
        Assert.DoesNotContain("Connection refused", cut.Markup);
        Assert.DoesNotContain("reachable", cut.Find("[data-testid=panel-problem]").TextContent);
    }
}
