using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DemoConsole.Core.Recording;

/// <summary>
/// Appends snapshots to one recording file as JSON lines. A snapshot equal to the previous one of its stream is not
/// written; a changed one is written as a merge patch against it. Every line is handed to the operating system as
/// soon as it is written, so killing the process loses nothing that was appended (a power cut may lose what the
/// disk had not yet got). Thread-safe: screens and the session offer snapshots from many threads.
/// </summary>
public sealed class RecordingWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _previous = new(StringComparer.Ordinal);
    private readonly SecretScrubber _scrubber;
    private readonly FileStream _file;
    private bool _disposed;

    /// <summary>Creates the file (it must not exist) and writes the header line.</summary>
    public RecordingWriter(string path, RecordingHeader header, SecretScrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(header);
        _scrubber = scrubber;
        Path = path;
        Header = header with { ScenarioMarkdown = header.ScenarioMarkdown is { } markdown ? scrubber.ScrubText(markdown) : null };
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);
        var node = JsonSerializer.SerializeToNode(new { recording = Header }, RecordingJson.Options);
        WriteLine(node!.ToJsonString(RecordingJson.Options));
    }

    public string Path { get; }

    public RecordingHeader Header { get; }

    public long BytesWritten { get; private set; }

    public long LinesWritten { get; private set; }

    /// <summary>Records <paramref name="snapshot"/> on <paramref name="stream"/>; false when it equals the previous one (nothing written).</summary>
    public bool Append(string stream, object snapshot, DateTimeOffset at)
    {
        var node = RecordingShapes.ToNode(snapshot);
        _scrubber.Scrub(node);
        lock (_gate)
        {
            if (_disposed)
            {
                return false;
            }

            RecordingLine line;
            if (_previous.TryGetValue(stream, out var previous))
            {
                var patch = JsonMergePatch.Create(previous, node);
                if (patch.Count == 0)
                {
                    return false;
                }

                line = new RecordingLine { At = at, Stream = stream, Patch = patch };
            }
            else
            {
                line = new RecordingLine { At = at, Stream = stream, Full = node };
            }

            WriteLine(JsonSerializer.Serialize(line, RecordingJson.Options));
            _previous[stream] = node;
            return true;
        }
    }

    private void WriteLine(string text)
    {
        var bytes = Utf8.GetBytes(text + "\n");
        _file.Write(bytes);
        _file.Flush();
        BytesWritten += bytes.Length;
        LinesWritten++;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _file.Dispose();
        }
    }
}
