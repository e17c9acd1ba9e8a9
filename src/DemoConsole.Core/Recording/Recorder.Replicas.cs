using System.Collections.Concurrent;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Session;

namespace DemoConsole.Core.Recording;

/// <summary>
/// Part of <see cref="Recorder"/>: its side of console replicas (<see cref="IRecordingReplicas"/>). Only the replica
/// that records (the leader) has a file; the switch and deletes go to what the replicas share, the others show the
/// recording replica's status and hand it what their screens show.
/// </summary>
public sealed partial class Recorder
{
    private readonly ConcurrentDictionary<string, object> _forwarded = new(StringComparer.Ordinal);
    private SecretScrubber? _forwardScrubber;

    /// <summary>The recordings in the folder, each marked when a replica writing it stopped before it could end it.</summary>
    public IReadOnlyList<RecordingSummary> List() =>
        Store?.List().Select(r => r with { Interrupted = _replicas?.Interrupted(r.Name) ?? false }).ToList() ?? [];

    /// <summary>
    /// With replicas: what the shared switch says, done here by the replica that records (on: a new file; off: closes
    /// it, also when this replica stops leading). The presenter's role was checked where the switch was set.
    /// </summary>
    public CommandResult RecordHere(bool on) => _settings.Store is { } store ? RecordHere(store, on) : CommandResult.Refused(new UiMessage("Recording_NeedsStateFolder"));

    /// <summary>With replicas, on one that does not record: shows the recording replica's status (its file, since when).</summary>
    public void Follow(RecorderStatus recording)
    {
        lock (_gate)
        {
            var shown = recording with { Available = _settings.Store is not null };
            if (_writer is null && shown != _status.Current)
            {
                _status.Publish(shown);
            }
        }
    }

    /// <summary>With replicas: a snapshot a screen on another replica showed, written here when this replica records.</summary>
    public void OfferedElsewhere(string stream, object snapshot)
    {
        if (stream is not (RecordingStreams.Session or RecordingStreams.Runs))
        {
            Write(stream, snapshot);
        }
    }

    /// <summary>On a replica that does not record while another does: hands a screen's snapshot to that one.</summary>
    private bool HandedToTheRecordingReplica(string stream, object snapshot)
    {
        if (Volatile.Read(ref _writer) is not null || _replicas is not { RecordsHere: false } replicas || !Status.Recording)
        {
            return false;
        }

        // Every screen showing a stream offers the same snapshot (one instance, published to all): sent once.
        if (_forwarded.TryGetValue(stream, out var sent) && ReferenceEquals(sent, snapshot))
        {
            return true;
        }

        _forwarded[stream] = snapshot;
        // Scrubbed here: a snapshot crosses Redis only as it would be written.
        var node = RecordingShapes.ToNode(snapshot);
        (_forwardScrubber ??= new SecretScrubber(_settings.Secrets())).Scrub(node);
        replicas.Offer(stream, node);
        return true;
    }
}
