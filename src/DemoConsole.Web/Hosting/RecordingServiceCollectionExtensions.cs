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
            () => [secrets.PresenterKey, secrets.ViewerToken, gitHub, sandbox.Host?.GitHubToken]);
    }

    /// <summary>The configured folder, or <c>recordings/</c> beside the state file; null when neither is set.</summary>
    public static string? Folder(DemoConsoleOptions options) =>
        !string.IsNullOrWhiteSpace(options.Recording.Folder) ? options.Recording.Folder
        : options.StateFile is { Length: > 0 } file ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", "recordings")
        : null;
}

/// <summary>Switches recording on once the application has started (the sandbox is up, the session loaded), and closes the file at shutdown.</summary>
public sealed class RecordingAtStart(Recorder recorder, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(recorder.StartIfOnByDefault);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        recorder.Dispose();
        return Task.CompletedTask;
    }
}
