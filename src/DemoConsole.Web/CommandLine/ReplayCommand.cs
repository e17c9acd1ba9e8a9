using System.Globalization;
using DemoConsole.Core.Recording;
using DemoConsole.Core.Recording.Replay;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Security;
using DemoConsole.Web.Hosting;

namespace DemoConsole.Web.CommandLine;

/// <summary>
/// <c>DemoConsole replay FILE [host options]</c>: the emergency plan for "the network failed". Serves the recording on
/// the presenter and audience screens with no cluster, no sandbox and nothing that reaches the network: the services
/// that watch the cluster, poll Prometheus or ask GitHub at start are not started, the session state file is left
/// alone, and the screens follow the recording from the first moment.
/// </summary>
internal static class ReplayCommand
{
    private static readonly Type[] LiveWatchers = [typeof(ClusterViewsWarmUp), typeof(GitHubAccessCheckAtStart), typeof(SessionJournalCollector), typeof(RecordingAtStart)];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            error.WriteLine("usage: DemoConsole replay RECORDING.jsonl [--urls http://127.0.0.1:5000]");
            return 2;
        }

        var path = Path.GetFullPath(args[0]);
        RecordingContent content;
        Scenario scenario;
        try
        {
            content = RecordingReader.Read(path);
            scenario = ScenarioOf(content.Header);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"{args[0]}: {(ex is NotARecordingException notRecording ? notRecording.Text.Format(CommandLineLanguage.Language, CultureInfo.InvariantCulture) : ex.Message)}");
            return 1;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Replaying {Path.GetFileName(path)}: {content.Header.Scenario}, recorded {content.Header.StartedAt.ToLocalTime():yyyy-MM-dd HH:mm}, {content.Length:hh\\:mm\\:ss} long{(content.Truncated ? " (cut off at the end)" : "")}."));
        output.WriteLine(CommandLineLanguage.Text("Cli_ReplayOffline"));

        var app = DemoConsoleHost.Build(args[1..], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                // Not the sandbox (nothing to start) and not the user's session file (a replay must not change it).
                ["DemoConsole:Cluster:Mode"] = "Kubeconfig",
                ["DemoConsole:StateFile"] = "",
                ["DemoConsole:Recording:Enabled"] = "false",
                ["DemoConsole:Recording:Folder"] = Path.GetDirectoryName(path),
            });
            foreach (var watcher in builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && LiveWatchers.Contains(d.ImplementationType)).ToList())
            {
                builder.Services.Remove(watcher);
            }

            builder.Services.AddSingleton<IScenarioSource>(new StaticScenarioSource(scenario));
            builder.Services.AddHostedService(services => new ReplayAtStart(
                services.GetRequiredService<IHostApplicationLifetime>(), services.GetRequiredService<ReplayPlayer>(), Path.GetFileName(path), content));
        });
        await app.RunAsync();
        return 0;
    }

    /// <summary>The recording's own scenario file when it carries one; the embedded default otherwise.</summary>
    private static Scenario ScenarioOf(RecordingHeader header)
    {
        if (header.ScenarioMarkdown is not { } markdown)
        {
            return DefaultScenario.Load();
        }

        var parsed = ScenarioParser.Parse(markdown, header.ScenarioSource);
        return parsed.Scenario ?? throw new InvalidDataException(CommandLineLanguage.Text("Cli_ReplayScenarioBroken",
            string.Join("; ", parsed.Problems.Select(p => $"{p.Line}: {CommandLineLanguage.Text(p.Text)}"))));
    }

    /// <summary>Opens the recording on every screen once the host has started.</summary>
    private sealed class ReplayAtStart(IHostApplicationLifetime lifetime, ReplayPlayer player, string name, RecordingContent content) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() => player.Open(Actor.Presenter("console"), name, content));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
