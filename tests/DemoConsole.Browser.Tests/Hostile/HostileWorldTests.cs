using DemoConsole.Web.Hosting;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests.Hostile;

/// <summary>
/// Text the console does not control beyond the scenario: a PrometheusRule's expression, labels and annotations (any
/// text is valid there), a container image (the API only requires it non-empty), and a commit message that GitHub
/// stores as given and hands back through the Actions runs. Created with the real KubernetesClient in the sandbox and
/// committed through the sandbox's GitHub twin, then shown on both screens: nothing runs, text stays text, the
/// 10,000-character parts are cut instead of widening the page.
/// </summary>
public sealed class HostileWorldTests(HostileScenarioFixture browser) : IClassFixture<HostileScenarioFixture>
{
    private const string Payload = "<img src=x onerror=window.__pwned=1>";
    private static readonly string Long = new('w', 10_000);

    [Fact]
    public async Task HostileRulesImagesAndCommitMessages_OnBothScreens_NothingRunsTextIsTextLayoutHolds()
    {
        var sandbox = browser.Services.GetRequiredService<EmbeddedSandbox>().Host!;
        using var kube = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(sandbox.KubeconfigPath));
        await kube.CustomObjects.CreateNamespacedCustomObjectAsync(HostileRule(), "monitoring.coreos.com", "v1", "titanium-prod", "prometheusrules");
        await kube.AppsV1.CreateNamespacedDeploymentAsync(HostileImageDeployment(), "titanium-prod");

        var presenter = await browser.PresenterPageAsync("alice");
        var audience = await browser.AudiencePageAsync();
        await presenter.Keyboard.PressAsync("2");
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("World");

        await presenter.GetByTestId("run-commit").ClickAsync();
        await Assertions.Expect(presenter.GetByTestId("confirm-text-commit")).ToContainTextAsync("Hostile <img");
        await presenter.GetByTestId("confirm-run-commit").ClickAsync();
        foreach (var page in new[] { presenter, audience })
        {
            var pipeline = page.Locator("[data-testid=pipeline]").First;
            await Assertions.Expect(pipeline).ToHaveAttributeAsync("data-outcome", "succeeded");
            await Assertions.Expect(pipeline).ToContainTextAsync("Hostile <img src=x onerror='window.__pwned = 1'> commit");
            await Assertions.Expect(page.GetByTestId("alert-rules-table")).ToContainTextAsync("destination_workload=\"" + Payload);
            await Assertions.Expect(page.Locator("[data-testid=alerts-view] tr[data-alert=HostileRule]")).ToContainTextAsync(Payload);
            await Assertions.Expect(page.Locator($"[title^='registry.invalid/{Payload}']").First).ToBeAttachedAsync();
            await Assertions.Expect(page.Locator("table").Filter(new() { HasText = "registry.invalid/" + Payload }).First).ToBeVisibleAsync();
        }

        await HostileScenarioFixture.AssertInertAsync(presenter);
        await HostileScenarioFixture.AssertInertAsync(audience);
        await Screenshots.SaveAsync(presenter, audience, "hostile-world");
    }

    private static Dictionary<string, object> HostileRule() => new Dictionary<string, object>
    {
        ["apiVersion"] = "monitoring.coreos.com/v1",
        ["kind"] = "PrometheusRule",
        ["metadata"] = new Dictionary<string, object>
        {
            ["name"] = "hostile-rules",
            ["annotations"] = new Dictionary<string, string> { ["note"] = Payload },
        },
        ["spec"] = new Dictionary<string, object>
        {
            ["groups"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["name"] = "hostile",
                    ["rules"] = new[]
                    {
                        new Dictionary<string, object>
                        {
                            ["alert"] = "HostileRule",
                            ["expr"] = $"sum(rate(istio_requests_total{{destination_workload=\"{Payload}{Long}\"}}[1m])) > 0.05",
                            ["for"] = "1m",
                            ["labels"] = new Dictionary<string, string> { ["severity"] = "<b>critical</b>" },
                            ["annotations"] = new Dictionary<string, string> { ["summary"] = Payload + Long },
                        },
                    },
                },
            },
        },
    };

    private static V1Deployment HostileImageDeployment()
    {
        var labels = new Dictionary<string, string> { ["app"] = "hostile-image" };
        return new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "hostile-image", Labels = labels, Annotations = new Dictionary<string, string> { ["note"] = Payload + Long } },
            Spec = new V1DeploymentSpec
            {
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = labels },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = $"registry.invalid/{Payload}{Long}:1" }] },
                },
            },
        };
    }
}
