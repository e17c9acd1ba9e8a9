using System.Net;
using DemoConsole.Tests.Shared.Web;

namespace DemoConsole.Web.Tests.Host;

/// <summary>
/// The probes a Deployment points at: live while the process serves, ready only with the configured scenario in use
/// and a writable state folder; 503 names what is wrong. The old <c>/health</c> answers as before.
/// </summary>
public sealed class HealthEndpointTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("health-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Ready_WithTheScenarioAndAWritableStateFolder()
    {
        using var factory = new ConsoleWebFactory().With("DemoConsole:StateFile", Path.Combine(_folder, "state", "session.json"));
        var client = factory.CreateClient();

        var (live, ready, old) = (await client.GetAsync("/health/live"), await client.GetAsync("/health/ready"), await client.GetAsync("/health"));

        Assert.Equal((HttpStatusCode.OK, "ok"), (live.StatusCode, await live.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.StartsWith("ready", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "ok"), (old.StatusCode, await old.Content.ReadAsStringAsync()));
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder, "state"), ".ready-*"));
    }

    [Fact]
    public async Task NotReady_WhenTheStateFolderCannotBeWritten_ButLive()
    {
        // A file where the folder should be: nothing can be created under it, as on a read-only or missing volume.
        var blocker = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");
        using var factory = new ConsoleWebFactory().With("DemoConsole:StateFile", Path.Combine(blocker, "session.json"));
        var client = factory.CreateClient();

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains($"state: Unhealthy: the state folder {blocker} is not writable", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task NotReady_WhenTheScenarioFileIsBrokenAtStart()
    {
        // Broken at start: the console runs on the built-in scenario, which is not the one it was given.
        var scenario = Path.Combine(_folder, "broken.md");
        await File.WriteAllTextAsync(scenario, "---\ntitle: [unclosed\n---\n# x\n");
        using var factory = new ConsoleWebFactory().With("DemoConsole:ScenarioPath", scenario);
        var client = factory.CreateClient();

        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("scenario: Unhealthy: the scenario file could not be loaded", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
