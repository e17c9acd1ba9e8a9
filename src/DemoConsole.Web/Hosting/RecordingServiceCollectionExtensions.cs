using DemoConsole.Core.Cluster;
using DemoConsole.Core.Recording;
using DemoConsole.Core.Recording.Replay;
using DemoConsole.Web.Configuration;
using DemoConsole.Web.Security;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DemoConsole.Web.Hosting;

public static class RecordingServiceCollectionExtensions
{
    /// <summary>The recorder, the recordings folder, and the replay switch every screen and the executor consult.</summary>
    public static IServiceCollection AddRecording(this IServiceCollection services)
    {
        services.TryAddSingleton<ReplayScreens>();
        services.TryAddSingleton<ReplayPlayer>();
        services.TryAddSingleton(Settings);
        services.TryAddSingleton<Recorder>();
        services.TryAddSingleton<RehearsalRuns>();
        services.AddHostedService<RecordingAtStart>();
        return services;
    }

    private static RecorderSettings Settings(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DemoConsoleOptions>>().Value;
        var secrets = services.GetRequiredService<ConsoleSecrets>();
        var gitHub = services.GetService<IConfiguration>()?.GetSection(Core.Pipeline.GitHubOptions.Section)["Token"];
        var sandbox = services.GetRequiredService<EmbeddedSandbox>();
        return new RecorderSettings(
            Folder(options) is { } folder ? new RecordingStore(folder) : null,
            options.Recording.Enabled ?? options.Cluster.Mode == ClusterMode.Sandbox,
            options.Cluster.Mode.ToString(),
            () => [secrets.PresenterKey, secrets.ViewerToken, gitHub, sandbox.Host?.GitHubToken,
                options.Prometheus.BearerToken, options.Prometheus.Password, options.Alertmanager.BearerToken, options.Alertmanager.Password]);
    }

    /// <summary>The configured folder, or <c>recordings/</c> beside the state file; null when neither is set.</summary>
    public static string? Folder(DemoConsoleOptions options) =>
        !string.IsNullOrWhiteSpace(options.Recording.Folder) ? options.Recording.Folder
        : options.StateFile is { Length: > 0 } file ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", "recordings")
        : null;
}

/// <summary>
/// Switches recording on once the application has started (the sandbox is up, the session loaded), and closes the file
/// at shutdown. The recorder is resolved only then: it needs the executor, whose load engine takes the sandbox's
/// gateway as its one allowed target when it is made, so making it before the sandbox runs would allow none.
/// </summary>
public sealed class RecordingAtStart(IServiceProvider services, IHostApplicationLifetime lifetime) : IHostedService
{
    private Recorder? _recorder;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            _recorder = services.GetRequiredService<Recorder>();
            _recorder.StartIfOnByDefault();
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _recorder?.Dispose();
        return Task.CompletedTask;
    }
}
