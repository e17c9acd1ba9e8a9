using DemoConsole.Core.Scenarios;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Web.Tests.Host;

/// <summary>DemoConsole:Language picks the built-in scenario when no file is set, and the fallback of a broken file.</summary>
public sealed class BuiltInScenarioLanguageTests
{
    [Theory]
    [InlineData(null, "ko")]
    [InlineData("ko", "ko")]
    [InlineData("en", "en")]
    public void NoScenarioPath_RunsTheBuiltInScenarioOfTheLanguage(string? language, string expected)
    {
        using var factory = language is null ? new ConsoleWebFactory() : new ConsoleWebFactory().With("DemoConsole:Language", language);

        var scenario = factory.Services.GetRequiredService<IScenarioSource>().Current.Scenario;

        Assert.Same(DefaultScenario.Load(expected), scenario);
    }

    [Fact]
    public void BrokenScenarioFile_FallsBackToTheBuiltInScenarioOfTheLanguage()
    {
        var broken = Path.Combine(RepoPaths.RepoRoot, "tests", "DemoConsole.Core.Tests", "Scenarios", "Fixtures", "bad-parts.md");
        using var factory = new ConsoleWebFactory().With("DemoConsole:Language", "en").With("DemoConsole:ScenarioPath", broken);

        var state = factory.Services.GetRequiredService<IScenarioSource>().Current;

        Assert.Same(DefaultScenario.Load("en"), state.Scenario);
        Assert.NotEmpty(state.Problems);
    }
}
