using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Session;

namespace DemoConsole.Core.Recording;

/// <summary>
/// The recordings folder (<c>recordings/</c> beside the session state file): one <c>.jsonl</c> file per recording,
/// named by scenario and start time. Files are only ever named by a plain file name from this folder's own listing,
/// so a request can never reach a path outside it.
/// </summary>
public sealed partial class RecordingStore(string folder)
{
    public const string Extension = ".jsonl";

    // Reading a whole recording for its summary is cheap but not free; a file that did not change is not read again.
    private readonly ConcurrentDictionary<string, (DateTime Written, long Length, RecordingSummary Summary)> _summaries = new(StringComparer.Ordinal);

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>A new, not yet existing file path for a recording of <paramref name="header"/>.</summary>
    public string NewPath(RecordingHeader header)
    {
        Directory.CreateDirectory(Folder);
        var stem = $"{Slug(header)}-{header.StartedAt.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
        var path = Path.Combine(Folder, stem + Extension);
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(Folder, $"{stem}-{n}{Extension}");
        }

        return path;
    }

    /// <summary>Every readable recording, newest first. A file that is not a recording is left out (and left alone).</summary>
    public IReadOnlyList<RecordingSummary> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var summaries = new List<RecordingSummary>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*" + Extension))
        {
            if (TrySummarize(path) is { } summary)
            {
                summaries.Add(summary);
            }
        }

        return summaries.OrderByDescending(s => s.StartedAt).ToList();
    }

    /// <summary>The full path of recording <paramref name="name"/>; null when there is no such recording in the folder.</summary>
    public string? PathOf(string name)
    {
        if (!ValidName().IsMatch(name))
        {
            return null;
        }

        var path = Path.Combine(Folder, name);
        return File.Exists(path) ? path : null;
    }

    public RecordingContent? Open(string name) => PathOf(name) is { } path ? RecordingReader.Read(path) : null;

    /// <summary>Deletes recording <paramref name="name"/>; false when there is none. The recording being written cannot be deleted.</summary>
    public bool Delete(string name, string? beingWritten)
    {
        if (PathOf(name) is not { } path || string.Equals(path, beingWritten, StringComparison.Ordinal))
        {
            return false;
        }

        File.Delete(path);
        _summaries.TryRemove(path, out _);
        return true;
    }

    /// <summary>
    /// The newest ended run of <paramref name="actionId"/> among the recordings (other than <paramref name="except"/>),
    /// with the recording it comes from; null when no recording has one.
    /// </summary>
    public (RecordingSummary Recording, ActionRunSnapshot Run)? LatestRunOf(string actionId, string? except = null)
    {
        foreach (var summary in List().Where(s => s.ActionIds.Contains(actionId)))
        {
            if (PathOf(summary.Name) is not { } path || string.Equals(path, except, StringComparison.Ordinal))
            {
                continue;
            }

            var cursor = new RecordingCursor(RecordingReader.Read(path));
            ActionRunSnapshot? found = null;
            while (!cursor.AtEnd)
            {
                var (stream, snapshot) = cursor.Step();
                if (stream != RecordingStreams.Runs || snapshot["runs"] is not JsonObject runs)
                {
                    continue;
                }

                // Only the runs of this action are read whole; the board of a long rehearsal has many others.
                foreach (var (_, node) in runs)
                {
                    if (node?["actionId"]?.GetValue<string>() == actionId && node["status"]?.GetValue<string>() == "Succeeded"
                        && node.Deserialize<ActionRunSnapshot>(RecordingJson.Options) is { } run && (found is null || run.StartedAt >= found.StartedAt))
                    {
                        found = run;
                    }
                }
            }

            if (found is not null)
            {
                return (summary, found);
            }
        }

        return null;
    }

    private RecordingSummary? TrySummarize(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (_summaries.TryGetValue(path, out var cached) && cached.Written == info.LastWriteTimeUtc && cached.Length == info.Length)
            {
                return cached.Summary;
            }

            var summary = Summarize(Path.GetFileName(path), RecordingReader.Read(path), info.Length);
            _summaries[path] = (info.LastWriteTimeUtc, info.Length, summary);
            return summary;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The summary of the recording at <paramref name="path"/> (read whole, as written so far).</summary>
    /// <exception cref="NotARecordingException">The file is not a recording.</exception>
    public static RecordingSummary Summarize(string path) =>
        Summarize(Path.GetFileName(path), RecordingReader.Read(path), new FileInfo(path).Length);

    /// <summary>Parts and actions read from the lines themselves: the session's position and the runs' action ids.</summary>
    internal static RecordingSummary Summarize(string name, RecordingContent content, long bytes)
    {
        var parts = new List<int>();
        var actions = new HashSet<string>(StringComparer.Ordinal);
        var cursor = new RecordingCursor(content);
        while (!cursor.AtEnd)
        {
            var (stream, snapshot) = cursor.Step();
            if (stream == RecordingStreams.Session
                && RecordingShapes.FromNode<SessionSnapshot>(snapshot)?.Position is { Kind: PageKind.Part, Part: var part }
                && !parts.Contains(part))
            {
                parts.Add(part);
            }
            else if (stream == RecordingStreams.Runs && snapshot["runs"] is JsonObject runs)
            {
                foreach (var (_, run) in runs)
                {
                    if (run?["actionId"]?.GetValue<string>() is { } id)
                    {
                        actions.Add(id);
                    }
                }
            }
        }

        return new RecordingSummary(name, content.Header.Scenario, content.Header.StartedAt, content.Length, parts, actions, bytes,
            content.Truncated, content.Header.ClusterMode);
    }

    /// <summary>An ASCII file-name part for the scenario: its file's name, or "default" for the embedded one.</summary>
    private static string Slug(RecordingHeader header)
    {
        var source = header.ScenarioSource.StartsWith("embedded:", StringComparison.Ordinal)
            ? header.ScenarioSource["embedded:".Length..]
            : Path.GetFileNameWithoutExtension(header.ScenarioSource);
        var slug = new StringBuilder();
        foreach (var c in source.ToLowerInvariant())
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? "scenario" : text;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]*\.jsonl$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
