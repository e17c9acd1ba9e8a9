using DemoConsole.Core.Actions;
using DemoConsole.Core.Panels;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Session;
using DemoConsole.Web.Configuration;
using DemoConsole.Web.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace DemoConsole.Web.Hosting;

public static class ServiceCollectionExtensions
{
    /// <summary>Everything the console needs; <c>TryAdd</c> where tests substitute their own.</summary>
    public static IServiceCollection AddDemoConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoConsoleOptions>()
            .Bind(configuration.GetSection(DemoConsoleOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DemoConsoleOptions>, DemoConsoleOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IScenarioSource>(sp => CreateScenarioSource(sp));
        services.TryAddSingleton<DemoSession>();
        services.TryAddSingleton<ActionExecutor>();
        services.TryAddSingleton<PresenterPreferences>();
        services.AddSingleton<FrameOriginPolicy>();
        services.AddHttpClient<FrameProbe>();

        services.AddConsoleSecurity();
        services.AddHostedService<SignInLinkPrinter>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }

    private static IScenarioSource CreateScenarioSource(IServiceProvider services)
    {
        var path = services.GetRequiredService<IOptions<DemoConsoleOptions>>().Value.ScenarioPath;
        return string.IsNullOrWhiteSpace(path)
            ? new StaticScenarioSource(DefaultScenario.Load(), services.GetRequiredService<TimeProvider>())
            : new FileScenarioSource(path, services.GetRequiredService<TimeProvider>(), logger: services.GetRequiredService<ILogger<FileScenarioSource>>());
    }
}
