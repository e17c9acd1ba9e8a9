using DemoConsole.Web.Api;
using DemoConsole.Web.Audience;
using DemoConsole.Web.Components;
using DemoConsole.Web.Configuration;
using DemoConsole.Web.Replicas;
using DemoConsole.Web.Security;
using Serilog;

namespace DemoConsole.Web.Hosting;

/// <summary>Builds and runs the web host. Kept out of Program.cs so tests can build the same app.</summary>
public static class DemoConsoleHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(DemoConsoleHost).Assembly.GetName().Name,
            ContentRootPath = PublishedContentRoot(args),
        });
        // Serves the assets of referenced packages (MudBlazor, the framework) when running from a build folder in
        // any environment, not only Development; a no-op in a publish folder.
        builder.WebHost.UseStaticWebAssets();
        // Second stage: the configured logger serves the app. The static bootstrap logger is left alone
        // (preserveStaticLogger) so that several hosts in one process, as in tests, do not fight over it.
        builder.Services.AddSerilog(
            (services, logger) => logger
                .ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext(),
            preserveStaticLogger: true);
        builder.Services.AddDemoConsole(builder.Configuration);
        configure?.Invoke(builder);
        // Last, so a secret read from its file is what the options bind (see SecretFiles).
        builder.Configuration.AddInMemoryCollection(SecretFiles.Read(builder.Configuration));

        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        // The request log goes through the configured logger, not the bootstrap one that stays static.
        var serilog = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options => options.Logger = serilog);
        app.UseSecurityHeaders();
        // Read from configuration, not the validated options: resolving those here would fail the build of the app
        // instead of its start, where every configuration problem is reported at once.
        app.UseRequestLocalization(ConsoleLanguage.Options(builder.Configuration["DemoConsole:Language"]));
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthEndpoints();
        app.MapSignIn();
        app.MapLanguagePreference();
        app.MapConsoleApi();
        app.MapReplicaApi();
        app.MapReportDownloads();
        app.MapRecordings();
        app.MapAudienceStream();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>
    /// The published folder when the console runs from one (its wwwroot beside the DLL) and no content root was given:
    /// the default, the current folder, would serve every script and stylesheet empty when the console is started
    /// from anywhere else (`dotnet out/DemoConsole.dll`), leaving pages that never become interactive. Build folders
    /// have no wwwroot (their assets come from the static web assets manifest), so nothing changes there or in tests.
    /// </summary>
    private static string? PublishedContentRoot(string[] args)
    {
        var given = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT") is { Length: > 0 };
        return !given && Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")) ? AppContext.BaseDirectory : null;
    }
}
