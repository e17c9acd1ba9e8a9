using System.Text.Json.Nodes;

namespace DemoConsole.Core.Recording;

/// <summary>
/// Walks a recording forward, keeping the whole latest snapshot of every stream (patches applied as it goes). Going
/// back means a new cursor from the start: applying a rehearsal's patches takes milliseconds.
/// </summary>
public sealed class RecordingCursor(RecordingContent content)
{
    private readonly Dictionary<string, JsonObject> _latest = new(StringComparer.Ordinal);

    /// <summary>The index of the next line to apply.</summary>
    public int Next { get; private set; }

    public bool AtEnd => Next >= content.Lines.Count;

    /// <summary>When the next line was recorded; null at the end.</summary>
    public DateTimeOffset? NextAt => AtEnd ? null : content.Lines[Next].At;

    /// <summary>The whole latest snapshot of every stream seen so far (do not change them).</summary>
    public IReadOnlyDictionary<string, JsonObject> Latest => _latest;

    /// <summary>Applies the next line and returns its stream and whole snapshot.</summary>
    public (string Stream, JsonObject Snapshot) Step()
    {
        var line = content.Lines[Next++];
        JsonObject snapshot;
        if (line.Full is { } full)
        {
            snapshot = (JsonObject)full.DeepClone();
        }
        else
        {
            // Patched on a copy: a screen may still be reading the previous snapshot of the stream.
            snapshot = (JsonObject)_latest[line.Stream].DeepClone();
            JsonMergePatch.Apply(snapshot, line.Patch!);
        }

        _latest[line.Stream] = snapshot;
        return (line.Stream, snapshot);
    }

    /// <summary>Applies every line recorded at or before <paramref name="at"/> and returns the streams that changed.</summary>
    public IReadOnlySet<string> AdvanceTo(DateTimeOffset at)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        while (NextAt is { } next && next <= at)
        {
            changed.Add(Step().Stream);
        }

        return changed;
    }
}
