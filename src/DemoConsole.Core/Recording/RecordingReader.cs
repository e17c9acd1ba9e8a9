using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Recording;

/// <summary>
/// A recording read back: its header and its lines in the order written (kept as written, patches included: whole
/// snapshots of a long rehearsal would not fit in memory; <see cref="RecordingCursor"/> rebuilds them as it goes).
/// </summary>
/// <param name="Truncated">True when reading stopped at a line that was not whole (the process was killed while writing it).</param>
public sealed record RecordingContent(RecordingHeader Header, IReadOnlyList<RecordingLine> Lines, bool Truncated)
{
    /// <summary>When the last line was written (the start when there is none).</summary>
    public DateTimeOffset EndedAt => Lines.Count > 0 ? Lines[^1].At : Header.StartedAt;

    public TimeSpan Length => EndedAt - Header.StartedAt;
}

/// <summary>
/// Reads a recording written by <see cref="RecordingWriter"/>. A line that does not parse ends the reading and marks
/// the content truncated rather than failing: a crash can cut the last line in half, and everything before it is
/// still worth showing.
/// </summary>
public static class RecordingReader
{
    /// <exception cref="NotARecordingException">The file does not start with a recording header.</exception>
    public static RecordingContent Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return Read(stream);
    }

    /// <exception cref="NotARecordingException">The stream does not start with a recording header.</exception>
    public static RecordingContent Read(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = ParseHeader(reader.ReadLine());
        var lines = new List<RecordingLine>();
        var started = new HashSet<string>(StringComparer.Ordinal);
        var truncated = false;
        while (reader.ReadLine() is { } text)
        {
            if (text.Length == 0)
            {
                continue;
            }

            if (Parse(text) is not { } line || !Follows(line, started))
            {
                truncated = true;
                break;
            }

            lines.Add(line);
        }

        return new RecordingContent(header, lines, truncated);
    }

    /// <summary>Only the header: the first line, without reading the rest.</summary>
    /// <exception cref="NotARecordingException">The file does not start with a recording header.</exception>
    public static RecordingHeader ReadHeader(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return ParseHeader(reader.ReadLine());
    }

    private static RecordingHeader ParseHeader(string? text)
    {
        try
        {
            if (text is not null && JsonNode.Parse(text)?["recording"] is JsonObject node
                && node.Deserialize<RecordingHeader>(RecordingJson.Options) is { Format: RecordingHeader.CurrentFormat } header)
            {
                return header;
            }
        }
        catch (JsonException)
        {
            // Reported below as not a recording.
        }

        throw new NotARecordingException(new UiMessage("Recording_NotARecording", RecordingHeader.CurrentFormat));
    }

    private static RecordingLine? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<RecordingLine>(text, RecordingJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A patch needs the whole snapshot of its stream before it; a line with neither is not one the writer wrote.</summary>
    private static bool Follows(RecordingLine line, HashSet<string> started)
    {
        if (line.Full is not null)
        {
            started.Add(line.Stream);
            return true;
        }

        return line.Patch is not null && started.Contains(line.Stream);
    }
}
