using DemoConsole.Web.Hosting;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>Part 1's architecture diagram, drawn from the sandbox through the real KubernetesClient, follows the cluster live.</summary>
public sealed class ArchitectureViewTests(FastSandboxFixture browser) : IClassFixture<FastSandboxFixture>
{
    [Fact]
    public async Task IntroductionPart_DeploymentScaledToThree_ShowsThreeOfThreeOnBothScreens()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        var audience = await browser.AudiencePageAsync();
        await presenter.Keyboard.PressAsync("1");
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("1부");
        var blog = "[data-testid=architecture] [data-name=prod-blog-service-deployment]";
        foreach (var page in new[] { presenter, audience })
        {
            await Assertions.Expect(page.Locator(blog)).ToHaveAttributeAsync("data-ready", "2");
            await Assertions.Expect(page.Locator("[data-testid=architecture] [data-name=postgresql]")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("architecture-delivery")).ToContainTextAsync("Synced · Healthy");
        }

        await Screenshots.SaveAsync(presenter, audience, "part1-architecture");
        var sandbox = browser.Services.GetRequiredService<EmbeddedSandbox>().Host!;
        using var kube = new Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(sandbox.KubeconfigPath));
        var scale = new V1Patch("{\"spec\":{\"replicas\":3}}", V1Patch.PatchType.MergePatch);
        await kube.AppsV1.PatchNamespacedDeploymentScaleAsync(scale, "prod-blog-service-deployment", "titanium-prod");

        foreach (var page in new[] { presenter, audience })
        {
            await Assertions.Expect(page.Locator(blog)).ToHaveAttributeAsync("data-desired", "3");
            await Assertions.Expect(page.Locator(blog)).ToHaveAttributeAsync("data-ready", "3");
            await Assertions.Expect(page.Locator(blog)).ToContainTextAsync("3/3");
            await Assertions.Expect(page.Locator(blog)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("health-healthy"));
        }
    }
}
