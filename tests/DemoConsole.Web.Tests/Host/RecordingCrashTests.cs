using System.Net.Http.Headers;
using DemoConsole.Core.Recording;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;

namespace DemoConsole.Web.Tests.Host;

/// <summary>The console process killed in the middle of a recording (SIGKILL: no shutdown code runs) leaves a readable file.</summary>
public sealed class RecordingCrashTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recording-crash-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task KilledWhileRecording_FileReadsUpToWhatWasWritten()
    {
        var folder = Path.Combine(_dir, "recordings");
        await using var console = await ConsoleProcess.StartAsync([], new Dictionary<string, string>
        {
            ["DemoConsole__StateFile"] = Path.Combine(_dir, "session.json"),
            ["DemoConsole__Cluster__SandboxApiPort"] = "0",
            ["DemoConsole__Cluster__SandboxGatewayPort"] = "0",
            ["DemoConsole__Cluster__SandboxGitHubPort"] = "0",
            ["DemoConsole__Cluster__SandboxPrometheusPort"] = "0",
        });
        using var api = new HttpClient { BaseAddress = console.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleProcess.PresenterKey);

        // A presenter's pace: each part is in the file before the next is chosen. (The recorder reads the session as
        // screens do, newest first, so a part held for microseconds on a busy machine may never be seen.)
        // Everything the recorder wrote is in the operating system's hands at once: the file shows each part while the
        // process still runs, and must still show them after the kill.
        for (var part = 1; part <= 5; part++)
        {
            Assert.True((await api.PostAsync($"/api/session/part/{part}", null)).IsSuccessStatusCode);
            var reached = part;
            await AsyncWait.UntilAsync(() => Directory.Exists(folder) && Directory.GetFiles(folder, "*.jsonl") is [var file]
                && RecordingStore.Summarize(file).PartsReached.Contains(reached), $"the recording to show part {reached}");
        }

        await api.PostAsync("/api/session/part/6", null);
        console.KillHard();

        var path = Assert.Single(Directory.GetFiles(folder, "*.jsonl"));
        var summary = RecordingStore.Summarize(path);
        Assert.Equal([1, 2, 3, 4, 5], summary.PartsReached.Take(5));
        Assert.Equal("Sandbox", summary.ClusterMode);
    }
}
