using System.Text.Json.Nodes;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Recording;
using DemoConsole.Core.Security;
using DemoConsole.Core.Session;
using DemoConsole.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Core.Tests.Recording;

/// <summary>
/// The recorder's side of replicas (<see cref="IRecordingReplicas"/>): the switch and deletes go to what replicas
/// share, only the replica that records writes a file, and the others hand it what their screens showed, scrubbed.
/// The Redis side is tested against a real redis-server in the Web tests (RecordingCopiesTests, RecordingReplicaProcessTests).
/// </summary>
public sealed class RecorderReplicasTests : IDisposable
{
    private const string Secret = "presenter-key-0123456789";
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("recorder-replicas-").FullName;
    private readonly RecordingStore _store;
    private readonly ActionExecutor _executor;
    private readonly DemoSession _session;
    private readonly TestScenarioSource _source = new(TestScenarios.ThreeParts());
    private readonly Replicas _replicas = new();

    public RecorderReplicasTests()
    {
        _store = new RecordingStore(_folder);
        _executor = new ActionExecutor(_source, [], TimeProvider.System, NullLogger<ActionExecutor>.Instance);
        _session = new DemoSession(_source, TimeProvider.System, NullLogger<DemoSession>.Instance);
    }

    public void Dispose()
    {
        _executor.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private Recorder Recorder(bool onAtStart = false) =>
        new(new RecorderSettings(_store, onAtStart, "Sandbox", () => [Secret]), _session, _executor, _source, TimeProvider.System, NullLogger<Recorder>.Instance, _replicas);

    [Fact]
    public void Switch_IsShared_NotAFileHere_AndStillOnlyForPresenters()
    {
        using var recorder = Recorder();

        Assert.False(recorder.Switch(Actor.Viewer("audience"), on: true).Succeeded);
        Assert.Empty(_replicas.Switches);
        Assert.True(recorder.Switch(Actor.Presenter("alice"), on: true).Succeeded);

        Assert.Equal([true], _replicas.Switches);
        Assert.Empty(_store.Names());
        Assert.False(recorder.Status.Recording);
    }

    [Fact]
    public void OnAtStart_SetsTheSharedSwitchOnlyIfUnset()
    {
        using var recorder = Recorder(onAtStart: true);

        recorder.StartIfOnByDefault();

        Assert.Equal(1, _replicas.SwitchedOnUnlessSet);
        Assert.Empty(_replicas.Switches);
        Assert.Empty(_store.Names());
    }

    [Fact]
    public void RecordHere_WritesTheFile_AndWhatAnotherReplicasScreenShowedGoesIntoIt()
    {
        _replicas.RecordsHere = true;
        using var recorder = Recorder();

        Assert.True(recorder.RecordHere(true).Succeeded);
        recorder.OfferedElsewhere("alerts", new JsonObject { ["firing"] = 3 });
        recorder.RecordHere(false);

        var content = _store.Open(Assert.Single(_store.Names()))!;
        Assert.Contains(content.Lines, line => line.Stream == "alerts" && line.Full?["firing"]?.GetValue<int>() == 3);
    }

    [Fact]
    public void NotRecordingHere_ScreensSnapshotsGoToTheRecordingReplica_Scrubbed_OnlyWhileItRecords()
    {
        using var recorder = Recorder();
        recorder.Offer("alerts", new Probe($"token {Secret}"));
        Assert.Empty(_replicas.Offers);

        recorder.Follow(new RecorderStatus(false, true, "leader-file.jsonl", Start));
        recorder.Offer("alerts", new Probe($"token {Secret}"));
        recorder.Offer(RecordingStreams.Session, _session.Snapshot);

        var (stream, snapshot) = Assert.Single(_replicas.Offers);
        Assert.Equal("alerts", stream);
        Assert.DoesNotContain(Secret, snapshot.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(_store.Names());
        // The status is the recording replica's, whether this one has a folder is its own.
        Assert.Equal(new RecorderStatus(true, true, "leader-file.jsonl", Start), recorder.Status);
    }

    [Fact]
    public void TheSameSnapshotOfferedByManyScreens_IsForwardedOnce()
    {
        using var recorder = Recorder();
        recorder.Follow(new RecorderStatus(false, true, "leader-file.jsonl", Start));
        var shown = new Probe("one");

        recorder.Offer("alerts", shown);
        recorder.Offer("alerts", shown);
        recorder.Offer("alerts", new Probe("two"));

        Assert.Equal(["one", "two"], _replicas.Offers.Select(o => o.Snapshot["text"]!.GetValue<string>()));
    }

    [Fact]
    public void Delete_GoesToEveryReplica_RefusedForTheFileTheLeaderWrites_OrWhenRedisIsAway()
    {
        using var recorder = Recorder();
        var alice = Actor.Presenter("alice");
        Assert.True(_store.Receive("kept.jsonl", 0, "{}\n"u8));

        recorder.Follow(new RecorderStatus(true, true, "kept.jsonl", Start));
        Assert.False(recorder.Delete(alice, "kept.jsonl").Succeeded);
        recorder.Follow(RecorderStatus.Off(true));

        _replicas.DeleteAnswer = null;
        Assert.Equal("Recording_SharedUnreachable", recorder.Delete(alice, "kept.jsonl").Message?.Key);
        Assert.Equal(["kept.jsonl"], _store.Names());

        _replicas.DeleteAnswer = false;
        Assert.Equal("Recording_NotFound", recorder.Delete(alice, "elsewhere.jsonl").Message?.Key);
        _replicas.DeleteAnswer = true;
        Assert.True(recorder.Delete(alice, "elsewhere.jsonl").Succeeded);
        Assert.True(recorder.Delete(alice, "kept.jsonl").Succeeded);
        Assert.Empty(_store.Names());
        Assert.Equal(["kept.jsonl", "elsewhere.jsonl", "elsewhere.jsonl", "kept.jsonl"], _replicas.Deletes);
    }

    private sealed record Probe(string Text);

    /// <summary>What the recorder asked of the replicas, answered as the test says.</summary>
    private sealed class Replicas : IRecordingReplicas
    {
        public bool RecordsHere { get; set; }

        public List<bool> Switches { get; } = [];

        public int SwitchedOnUnlessSet { get; private set; }

        public List<string> Deletes { get; } = [];

        public bool? DeleteAnswer { get; set; } = true;

        public List<(string Stream, JsonObject Snapshot)> Offers { get; } = [];

        public CommandResult Switch(bool on)
        {
            Switches.Add(on);
            return CommandResult.Ok;
        }

        public void SwitchOnUnlessSet() => SwitchedOnUnlessSet++;

        public bool Interrupted(string name) => false;

        public bool? Delete(string name)
        {
            Deletes.Add(name);
            return DeleteAnswer;
        }

        public void Offer(string stream, JsonObject snapshot) => Offers.Add((stream, snapshot));
    }
}
