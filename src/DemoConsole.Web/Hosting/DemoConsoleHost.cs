using DemoConsole.Web.Api;
using DemoConsole.Web.Components;
using DemoConsole.Web.Security;
using Serilog;

namespace DemoConsole.Web.Hosting;

/// <summary>Builds and runs the web host. Kept out of Program.cs so tests can build the same app.</summary>
public static class DemoConsoleHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(DemoConsoleHost).Assembly.GetName().Name });
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
        app.MapGet("/health", () => Results.Text("ok"));
        app.MapSignIn();
        app.MapConsoleApi();
        app.MapReportDownloads();
        app.MapRecordings();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
