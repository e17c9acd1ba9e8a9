using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Replicas;
using DemoConsole.Web.Resources;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

using static DemoConsole.Web.Tests.Replicas.ReplicaApi;

namespace DemoConsole.Web.Tests.Replicas;

/// <summary>
/// Recordings with two console processes on one real Redis, each with its own recordings folder (as two pods with
/// their own disks): the leader records the shared session, the other lists, replays and downloads the same bytes,
/// a delete on either removes it from both, and a leader killed mid-recording leaves a recording that reads as ended.
/// </summary>
public sealed class RecordingReplicaProcessTests(ITestOutputHelper output) : ReplicaProcessTest(output)
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recording-replicas-").FullName;

    protected override Task StopMoreAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RecordedOnTheLeader_TheFollowerListsReplaysAndDownloadsIt_ADeleteThereRemovesItFromBoth()
    {
        var (leader, follower) = await StartPairAsync();
        // Sandbox mode records from the start; only the leader writes a file.
        var name = await SingleRecordingAsync(leader);
        await MoveAsync(follower, 2);
        await MoveAsync(follower, 3);
        await AsyncWait.UntilAsync(async () => (await RecordingAsync(follower, name))?.GetProperty("partsReached").EnumerateArray().Any(p => p.GetInt32() == 3) == true,
            "the follower to list the leader's recording with part 3");

        // Switched off where the presenter is (the follower): the leader closes its file.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(follower, "/api/recording/off"));
        await AsyncWait.UntilAsync(async () => !await RecordingNowAsync(leader), "the leader to stop recording");

        var leaderCookie = await CookieSignIn.SignInAsync(leader.Address, ConsoleProcess.PresenterKey);
        var followerCookie = await CookieSignIn.SignInAsync(follower.Address, ConsoleProcess.PresenterKey);
        var written = await DownloadAsync(leader, leaderCookie, name);
        await AsyncWait.UntilAsync(async () => (await DownloadAsync(follower, followerCookie, name)).AsSpan().SequenceEqual(written),
            "the follower's download to be the leader's file byte for byte");
        Assert.Equal(written, await File.ReadAllBytesAsync(Path.Combine(Folder(leader), name)));
        await PrintRedisCostAsync(name, written.Length);
        Assert.Equal(1, (await ListAsync(follower)).GetArrayLength());

        Assert.Equal(HttpStatusCode.OK, await PostAsync(follower, $"/api/recordings/{name}/replay"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(follower, "/api/replay/leave"));

        using (var api = ReplicaApi.Api(follower))
        using (var deleted = await api.DeleteAsync($"/api/recordings/{name}"))
        {
            Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        }

        await AsyncWait.UntilAsync(async () => (await ListAsync(leader)).GetArrayLength() == 0 && !File.Exists(Path.Combine(Folder(leader), name)),
            "the recording to be gone from the leader's list and folder");
        Assert.Equal(0, (await ListAsync(follower)).GetArrayLength());
        Assert.False(File.Exists(Path.Combine(Folder(follower), name)));
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadResponseAsync(follower, followerCookie, name)).StatusCode);
    }

    [Fact]
    public async Task LeaderKilledWhileRecording_TheRecordingReadsAsEndedOnTheSurvivor_WhichRecordsOnInANewFile()
    {
        var (leader, follower) = await StartPairAsync();
        var name = await SingleRecordingAsync(leader);
        await MoveAsync(follower, 2);
        await AsyncWait.UntilAsync(async () => (await RecordingAsync(follower, name))?.GetProperty("partsReached").EnumerateArray().Any(p => p.GetInt32() == 2) == true,
            "the follower to have the recording up to part 2");

        leader.KillHard();
        await AsyncWait.UntilAsync(async () => (await GetAsync(follower, "/api/replica")).GetProperty("leads").GetBoolean(), "the follower to lead");
        // The switch is still on: the new leader records on, in a file of its own.
        await AsyncWait.UntilAsync(async () => (await ListAsync(follower)).GetArrayLength() == 2, "the new leader's own recording to be listed beside the old one");

        var old = await RecordingAsync(follower, name);
        Assert.False(old!.Value.GetProperty("truncated").GetBoolean());
        Assert.Contains(2, old.Value.GetProperty("partsReached").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(follower, $"/api/recordings/{name}/replay"));

        using var connection = new RedisReplicaConnection(Redis.ConnectionString, NullLogger<RedisReplicaConnection>.Instance);
        var entry = (await new RedisRecordingIndex(connection).ListAsync())[name];
        Assert.False(entry.Recording);
        Assert.True(entry.Interrupted);
        Assert.NotEqual(name, await CurrentFileAsync(follower));
        // The API lists it as interrupted too, once the survivor has the shared entry; its own recording is not.
        await AsyncWait.UntilAsync(async () => (await RecordingAsync(follower, name))!.Value.GetProperty("interrupted").GetBoolean(), "the API to list the old recording as interrupted");
        Assert.False((await RecordingAsync(follower, (await CurrentFileAsync(follower))!))!.Value.GetProperty("interrupted").GetBoolean());

        // The recordings page says it was cut off (its copy is whole lines, so that comes from the shared entry).
        var page = await PageAsync(follower, await CookieSignIn.SignInAsync(follower.Address, ConsoleProcess.PresenterKey));
        var row = page[page.IndexOf($"recording-{name}", StringComparison.Ordinal)..];
        var cutOff = UiText.In(CultureInfo.GetCultureInfo("ko-KR"), CultureInfo.InvariantCulture, "Recordings_Truncated");
        Assert.Contains(cutOff, row[..row.IndexOf("</tr>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Equal(1, page.Split(cutOff).Length - 1);
    }

    /// <summary>Prints (asserts nothing about size) what the ended recording takes in Redis, beside its file's length.</summary>
    private async Task PrintRedisCostAsync(string name, long fileBytes)
    {
        using var connection = new RedisReplicaConnection(Redis.ConnectionString, NullLogger<RedisReplicaConnection>.Instance);
        var content = (long)await connection.Database.ExecuteAsync("MEMORY", "USAGE", RedisRecordingIndex.Content(name).ToString());
        var index = (long)await connection.Database.ExecuteAsync("MEMORY", "USAGE", "democonsole:recordings");
        Output.WriteLine($"recording {name}: file {fileBytes} bytes; Redis content key {content} bytes (MEMORY USAGE), index hash {index} bytes");
    }

    private static async Task<string> PageAsync(ConsoleProcess console, string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = console.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/present/recordings");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<(ConsoleProcess Leader, ConsoleProcess Follower)> StartPairAsync()
    {
        var leader = await StartAsync("first");
        await AsyncWait.UntilAsync(async () => (await GetAsync(leader, "/api/replica")).GetProperty("leads").GetBoolean(), "the first replica to lead");
        var follower = await StartAsync("second");
        var leaderName = (await GetAsync(leader, "/api/replica")).GetProperty("replica").GetString();
        await AsyncWait.UntilAsync(async () => (await GetAsync(follower, "/api/replica")).GetProperty("leader").GetString() == leaderName, "the second replica to see the leader");
        return (leader, follower);
    }

    private readonly Dictionary<Uri, string> _folders = [];

    private string Folder(ConsoleProcess console) => _folders[console.Address];

    private async Task<ConsoleProcess> StartAsync(string folder)
    {
        var settings = Redis.ReplicaSettings();
        settings["DemoConsole__Recording__Folder"] = Path.Combine(_dir, folder);
        // The test polls the API far faster than a presenter's remote would.
        settings["DemoConsole__Auth__ApiWritesPerMinute"] = "100000";
        var console = await ConsoleProcess.StartAsync([], settings);
        Consoles.Add(console);
        _folders[console.Address] = Path.Combine(_dir, folder);
        return console;
    }

    private static async Task<string> SingleRecordingAsync(ConsoleProcess console)
    {
        JsonElement list = default;
        await AsyncWait.UntilAsync(async () => (list = await ListAsync(console)).GetArrayLength() == 1, "the leader's recording to be listed");
        return list[0].GetProperty("name").GetString()!;
    }

    private static async Task<JsonElement?> RecordingAsync(ConsoleProcess console, string name) =>
        (await ListAsync(console)).EnumerateArray().Where(r => r.GetProperty("name").GetString() == name).Select(r => (JsonElement?)r).FirstOrDefault();

    private static Task<JsonElement> ListAsync(ConsoleProcess console) => GetAsync(console, "/api/recordings");

    /// <summary>Whether the replica's recorder writes now: switching off again changes nothing and answers with its status.</summary>
    private static async Task<bool> RecordingNowAsync(ConsoleProcess console)
    {
        using var api = ReplicaApi.Api(console);
        using var response = await api.PostAsync("/api/recording/off", null);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recording").GetBoolean();
    }

    private static async Task<string?> CurrentFileAsync(ConsoleProcess console)
    {
        using var api = ReplicaApi.Api(console);
        using var response = await api.PostAsync("/api/recording/on", null);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("fileName").GetString();
    }

    private static async Task<byte[]> DownloadAsync(ConsoleProcess console, string cookie, string name)
    {
        using var response = await DownloadResponseAsync(console, cookie, name);
        return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync() : [];
    }

    private static async Task<HttpResponseMessage> DownloadResponseAsync(ConsoleProcess console, string cookie, string name)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = console.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/present/recordings/{name}");
        request.Headers.Add("Cookie", cookie);
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<HttpStatusCode> PostAsync(ConsoleProcess console, string path)
    {
        using var api = ReplicaApi.Api(console);
        using var response = await api.PostAsync(path, null);
        return response.StatusCode;
    }
}
