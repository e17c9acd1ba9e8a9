using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DemoConsole.Tests.Shared.Web;

namespace DemoConsole.Web.Tests.Host;

public sealed class SessionStateFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("state-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static HttpClient Presenter(ConsoleWebFactory factory)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);
        return client;
    }

    [Fact]
    public async Task Restart_WithTheSameStateFile_ComesBackOnTheSamePartWithTimersRunning()
    {
        var state = Path.Combine(_dir, "session.json");
        await using (var first = new ConsoleWebFactory().With("DemoConsole:StateFile", state))
        {
            var response = await Presenter(first).PostAsync("/api/session/part/4", null);
            response.EnsureSuccessStatusCode();
            await DemoConsole.Tests.Shared.AsyncWait.UntilAsync(() => File.Exists(state) && File.ReadAllText(state).Contains("\"part\": 4", StringComparison.Ordinal), "the state file to be written");
        }

        await using var second = new ConsoleWebFactory().With("DemoConsole:StateFile", state);
        var session = await Presenter(second).GetFromJsonAsync<JsonElement>("/api/session");

        Assert.Equal(4, session.GetProperty("currentPart").GetInt32());
        Assert.True(session.GetProperty("timers").GetProperty("started").GetBoolean());
    }

    [Fact]
    public async Task Start_WithADamagedStateFile_StartsFresh()
    {
        var state = Path.Combine(_dir, "session.json");
        await File.WriteAllTextAsync(state, "{ not json");
        await using var factory = new ConsoleWebFactory().With("DemoConsole:StateFile", state);

        var session = await Presenter(factory).GetFromJsonAsync<JsonElement>("/api/session");

        Assert.Equal(0, session.GetProperty("currentPart").GetInt32());
    }
}
