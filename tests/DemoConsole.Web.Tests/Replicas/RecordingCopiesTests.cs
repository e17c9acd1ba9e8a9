using System.Collections.Immutable;
using DemoConsole.Core.Recording;
using DemoConsole.Core.Session;
using DemoConsole.Tests.Shared;
using DemoConsole.Web.Replicas;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace DemoConsole.Web.Tests.Replicas;

/// <summary>
/// The shared recordings in a real redis-server (<see cref="RedisRecordingIndex"/>) and two replicas' folders kept
/// copies of them (<see cref="RecordingCopies"/>), with a real <see cref="RecordingWriter"/> writing on the "leader".
/// </summary>
public sealed class RecordingCopiesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("recording-copies-").FullName;
    private RealRedis _redis = null!;
    private RedisReplicaConnection _connection = null!;
    private RedisRecordingIndex _index = null!;

    public async Task InitializeAsync()
    {
        _redis = await RealRedis.StartAsync();
        _connection = new RedisReplicaConnection(_redis.ConnectionString, NullLogger<RedisReplicaConnection>.Instance);
        _index = new RedisRecordingIndex(_connection);
    }

    public async Task DisposeAsync()
    {
        _connection.Dispose();
        await _redis.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private RecordingStore Store(string replica) => new(Path.Combine(_dir, replica));

    private static RecordingHeader Header => new() { Scenario = "Titanium", ScenarioSource = "embedded:default", StartedAt = Start, ClusterMode = "Sandbox" };

    private static SessionSnapshot Session(int part) => new()
    {
        Version = part,
        Position = SessionPosition.ForPart(part),
        Checklist = ImmutableDictionary<string, ChecklistMark>.Empty,
    };

    /// <summary>A one-line recording made on the leader and copied to the follower by one look of each.</summary>
    private async Task<(RecordingStore LeaderStore, RecordingStore FollowerStore, RecordingCopies Leader, RecordingCopies Follower, string Name)> OneRecordingOnBothAsync()
    {
        var (leaderStore, followerStore) = (Store("leader"), Store("follower"));
        var leader = new RecordingCopies(_index, leaderStore, "leader", () => null);
        var follower = new RecordingCopies(_index, followerStore, "follower", () => null);
        using (var writer = Writer(leaderStore))
        {
            writer.Append(RecordingStreams.Session, Session(1), Start.AddSeconds(1));
        }

        var name = Assert.Single(leaderStore.Names());
        await leader.SyncAsync(writing: null);
        await follower.SyncAsync(writing: null);
        return (leaderStore, followerStore, leader, follower, name);
    }

    private static RecordingWriter Writer(RecordingStore store) => new(store.NewPath(Header), Header, SecretScrubber.None);

    [Fact]
    public async Task AppendAtAnotherLength_IsRefused_SoTwoSendersNeverDoubleALine()
    {
        await _index.StartedAsync("a.jsonl", new SharedRecordingEntry("one", Recording: true));

        Assert.True(await _index.AppendAsync("a.jsonl", 0, "{\"x\":1}\n"u8.ToArray()));
        Assert.False(await _index.AppendAsync("a.jsonl", 0, "{\"x\":1}\n"u8.ToArray()));
        Assert.True(await _index.AppendAsync("a.jsonl", 8, "{\"x\":2}\n"u8.ToArray()));

        Assert.Equal([16L], await _index.LengthsAsync(["a.jsonl"]));
        Assert.Equal("{\"x\":2}\n"u8.ToArray(), await _index.ReadAsync("a.jsonl", 8, 16));
    }

    [Fact]
    public async Task Deleted_ItsContentGoes_AndItCanNeitherBeSharedAgainNorGrow_UntilTheLeaderStartsANewRecordingByThatName()
    {
        var entry = new SharedRecordingEntry("one", Recording: false);
        Assert.True(await _index.AddAsync("a.jsonl", entry));
        Assert.False(await _index.AddAsync("a.jsonl", entry)); // shared already
        Assert.True(await _index.AppendAsync("a.jsonl", 0, "{}\n"u8.ToArray()));

        Assert.True(await _index.DeleteAsync("a.jsonl"));
        Assert.False(await _index.DeleteAsync("a.jsonl"));

        Assert.Empty(await _index.ListAsync());
        Assert.Equal([0L], await _index.LengthsAsync(["a.jsonl"]));
        Assert.Contains("a.jsonl", await _index.DeletedAsync());
        Assert.False(await _index.AddAsync("a.jsonl", entry));
        Assert.False(await _index.AppendAsync("a.jsonl", 0, "{}\n"u8.ToArray()));
        Assert.False(await _index.UpdateAsync("a.jsonl", entry));

        await _index.StartedAsync("a.jsonl", new SharedRecordingEntry("two", Recording: true));
        Assert.Equal(new SharedRecordingEntry("two", Recording: true), (await _index.ListAsync())["a.jsonl"]);
        Assert.DoesNotContain("a.jsonl", await _index.DeletedAsync());
    }

    [Fact]
    public async Task Switch_StartUpSetsItOnlyWhenNobodyHas()
    {
        Assert.Null(await _index.SwitchAsync());
        await _index.SetSwitchUnlessSetAsync(true);
        Assert.True(await _index.SwitchAsync());
        await _index.SetSwitchAsync(false);
        await _index.SetSwitchUnlessSetAsync(true);
        Assert.False(await _index.SwitchAsync());
    }

    [Fact]
    public async Task LeaderWrites_TheOtherFolderGetsTheSameBytes_InWholeLines_ThenTheEntryReadsAsEnded()
    {
        var (leaderStore, followerStore) = (Store("leader"), Store("follower"));
        var leader = new RecordingCopies(_index, leaderStore, "leader", () => null);
        var follower = new RecordingCopies(_index, followerStore, "follower", () => null);
        var writer = Writer(leaderStore);
        var name = Path.GetFileName(writer.Path);
        writer.Append(RecordingStreams.Session, Session(1), Start.AddSeconds(1));
        await leader.RecordingAsync(name);
        Assert.True(await leader.SyncAsync(writing: name));
        Assert.Equal([new FileInfo(writer.Path).Length], await _index.LengthsAsync([name]));

        await follower.SyncAsync(writing: null);
        Assert.Equal(await File.ReadAllBytesAsync(writer.Path), await File.ReadAllBytesAsync(Path.Combine(followerStore.Folder, name)));
        Assert.True((await _index.ListAsync())[name].Recording);

        writer.Append(RecordingStreams.Session, Session(2), Start.AddSeconds(2));
        writer.Dispose();
        await leader.SyncAsync(writing: null);
        await follower.SyncAsync(writing: null);

        Assert.Equal(await File.ReadAllBytesAsync(writer.Path), await File.ReadAllBytesAsync(Path.Combine(followerStore.Folder, name)));
        Assert.Equal([1, 2], Assert.Single(followerStore.List()).PartsReached);
        Assert.Equal(new SharedRecordingEntry("leader", Recording: false), (await _index.ListAsync())[name]);
    }

    [Fact]
    public async Task HalfALineInTheFile_StaysOutOfRedisAndTheCopies()
    {
        var (leaderStore, followerStore) = (Store("leader"), Store("follower"));
        var writer = Writer(leaderStore);
        var name = Path.GetFileName(writer.Path);
        writer.Append(RecordingStreams.Session, Session(1), Start.AddSeconds(1));
        writer.Dispose();
        var whole = await File.ReadAllBytesAsync(writer.Path);
        // A killed writer's last line, cut in half.
        await File.AppendAllTextAsync(writer.Path, "{\"at\":\"2026-12-05T09:00:02+00:00\",\"stre");

        await new RecordingCopies(_index, leaderStore, "leader", () => null).SyncAsync(writing: null);
        await new RecordingCopies(_index, followerStore, "follower", () => null).SyncAsync(writing: null);

        Assert.Equal(whole, await File.ReadAllBytesAsync(Path.Combine(followerStore.Folder, name)));
        Assert.False(Assert.Single(followerStore.List()).Truncated);
    }

    [Fact]
    public async Task DeletedByAnyReplica_EachFolderDeletesItsCopyAtItsNextLook_AndNoneSharesItAgain()
    {
        var (leaderStore, followerStore, leader, follower, name) = await OneRecordingOnBothAsync();
        Assert.Single(followerStore.Names());

        Assert.True(await _index.DeleteAsync(name));
        await leader.SyncAsync(writing: null);
        await follower.SyncAsync(writing: null);

        Assert.Empty(leaderStore.Names());
        Assert.Empty(followerStore.Names());
        Assert.Empty(await _index.ListAsync());
    }

    [Fact]
    public async Task RedisRestartedEmpty_TheReplicasShareWhatTheyHaveAgain_OnceEach()
    {
        var (leaderStore, followerStore, leader, follower, name) = await OneRecordingOnBothAsync();

        _redis.Kill();
        await _redis.StartAgainAsync();
        await AsyncWait.UntilAsync(() => _connection.IsConnected, "the connection to be back");
        await AsyncWait.UntilAsync(async () =>
        {
            try
            {
                await follower.SyncAsync(writing: null);
                await leader.SyncAsync(writing: null);
                return true;
            }
            catch (RedisException)
            {
                return false;
            }
        }, "both to share again");

        var length = new FileInfo(Path.Combine(leaderStore.Folder, name)).Length;
        Assert.Equal([length], await _index.LengthsAsync([name]));
        Assert.Equal("follower", (await _index.ListAsync())[name].Replica);
    }

    [Fact]
    public async Task NewLeader_EndsWhatAnotherReplicaWasWriting_AsInterrupted_NotItsOwn()
    {
        await _index.StartedAsync("theirs.jsonl", new SharedRecordingEntry("old", Recording: true));
        await _index.StartedAsync("mine.jsonl", new SharedRecordingEntry("new", Recording: true));
        await _index.AddAsync("ended.jsonl", new SharedRecordingEntry("old", Recording: false));

        Assert.Equal(1, await new RecordingCopies(_index, Store("new"), "new", () => null).InterruptOthersAsync());

        var entries = await _index.ListAsync();
        Assert.Equal(new SharedRecordingEntry("old", Recording: false, Interrupted: true), entries["theirs.jsonl"]);
        Assert.Equal(new SharedRecordingEntry("new", Recording: true), entries["mine.jsonl"]);
        Assert.Equal(new SharedRecordingEntry("old", Recording: false), entries["ended.jsonl"]);
    }

    [Fact]
    public void Receive_TakesOnlyARecordingsName_NeverAPath()
    {
        var store = Store("one");
        Assert.False(store.Receive("../escape.jsonl", 0, "{}\n"u8));
        Assert.False(store.Receive("/tmp/x.jsonl", 0, "{}\n"u8));
        Assert.False(store.Receive("notes.txt", 0, "{}\n"u8));
        Assert.True(store.Receive("a.jsonl", 0, "{}\n"u8));
        Assert.False(store.Receive("a.jsonl", 0, "{}\n"u8)); // not at its length
        Assert.True(store.Receive("a.jsonl", 3, "{}\n"u8));
        Assert.Equal(["a.jsonl"], store.Names());
        Assert.Equal(6, store.LengthOf("a.jsonl"));
    }
}
