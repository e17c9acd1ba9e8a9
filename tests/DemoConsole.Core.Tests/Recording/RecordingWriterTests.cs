using System.Collections.Immutable;
using System.Text.Json.Nodes;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster.Actions;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Recording;
using DemoConsole.Core.Session;

namespace DemoConsole.Core.Tests.Recording;

public sealed class RecordingWriterTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("recording-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static RecordingHeader Header => new() { Scenario = "Titanium", ScenarioSource = "embedded:default", StartedAt = Start, ClusterMode = "Sandbox" };

    private string NewFile() => Path.Combine(_folder, Guid.NewGuid().ToString("n") + ".jsonl");

    private static ActionRunSnapshot Run(string id, ActionRunStatus status, IActionResult? result) => new()
    {
        RunId = id,
        ActionId = "apply-generator",
        Kind = "apply-manifest",
        Title = "Apply",
        Part = 3,
        StartedBy = "alice",
        StartedAt = Start.AddSeconds(5),
        Status = status,
        Result = result,
        Parameters = new Dictionary<string, string> { ["manifest"] = "load-generator.yaml" },
    };

    private static SessionSnapshot Session(int part) => new()
    {
        Version = part,
        Position = SessionPosition.ForPart(part),
        Checklist = ImmutableDictionary<string, ChecklistMark>.Empty.Add("prep-1", new ChecklistMark("alice", Start)),
    };

    [Fact]
    public void Append_ThenRead_GivesBackEqualSnapshotsIncludingTheTypedResult()
    {
        var path = NewFile();
        var result = new ManifestRunResult("load-generator.yaml", "apply", [new ManifestObjectResult("Deployment", "load-generator", "titanium-prod", "applied")]);
        var running = new RunBoard(1, [Run("r1", ActionRunStatus.Running, null)]);
        var ended = new RunBoard(2, [Run("r1", ActionRunStatus.Succeeded, result)]);
        using (var writer = new RecordingWriter(path, Header, SecretScrubber.None))
        {
            writer.Append(RecordingStreams.Session, Session(1), Start.AddSeconds(1));
            writer.Append(RecordingStreams.Runs, running, Start.AddSeconds(2));
            writer.Append(RecordingStreams.Session, Session(3), Start.AddSeconds(3));
            writer.Append(RecordingStreams.Runs, ended, Start.AddSeconds(4));
        }

        var content = RecordingReader.Read(path);
        var cursor = new RecordingCursor(content);
        cursor.AdvanceTo(Start.AddSeconds(10));

        Assert.False(content.Truncated);
        Assert.Equal(Header, content.Header);
        Assert.Equal(TimeSpan.FromSeconds(4), content.Length);
        var session = RecordingShapes.FromNode<SessionSnapshot>(cursor.Latest[RecordingStreams.Session])!;
        Assert.Equal(SessionPosition.ForPart(3), session.Position);
        Assert.Equal(new ChecklistMark("alice", Start), session.Checklist["prep-1"]);
        var board = RecordingShapes.FromNode<RunBoard>(cursor.Latest[RecordingStreams.Runs])!;
        var run = Assert.Single(board.Runs);
        Assert.Equal(ActionRunStatus.Succeeded, run.Status);
        var read = Assert.IsType<ManifestRunResult>(run.Result);
        Assert.Equal(result.Manifest, read.Manifest);
        Assert.Equal(result.Objects, read.Objects);
        Assert.Equal("load-generator.yaml", run.Parameters["manifest"]);
    }

    [Fact]
    public void Append_SameSnapshotAgain_IsNotWritten()
    {
        var path = NewFile();
        using var writer = new RecordingWriter(path, Header, SecretScrubber.None);

        Assert.True(writer.Append(RecordingStreams.Session, Session(2), Start.AddSeconds(1)));
        Assert.False(writer.Append(RecordingStreams.Session, Session(2), Start.AddSeconds(2)));
        Assert.True(writer.Append("Other", Session(2), Start.AddSeconds(3)));
        writer.Dispose();

        Assert.Equal(3, File.ReadAllLines(path).Length); // the header and one line per stream
        Assert.Equal(3, writer.LinesWritten);
    }

    [Fact]
    public void Append_ChangedSnapshot_WritesOnlyWhatChanged()
    {
        var path = NewFile();
        using (var writer = new RecordingWriter(path, Header, SecretScrubber.None))
        {
            writer.Append(RecordingStreams.Runs, new RunBoard(1, [Run("r1", ActionRunStatus.Succeeded, null), Run("r2", ActionRunStatus.Running, null)]), Start);
            writer.Append(RecordingStreams.Runs, new RunBoard(2, [Run("r1", ActionRunStatus.Succeeded, null), Run("r2", ActionRunStatus.Failed, null)]), Start);
        }

        var patch = JsonNode.Parse(File.ReadAllLines(path)[2])!["p"]!.AsObject();

        Assert.Equal(["runs", "version"], patch.Select(p => p.Key).Order());
        var runs = patch["runs"]!.AsObject();
        Assert.Equal("r2", Assert.Single(runs).Key);
        Assert.Equal("Failed", runs["r2"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void Append_SecretsAnywhere_NeverReachTheFile()
    {
        const string Key = "presenter-key-4711";
        const string Token = "viewer-token-0815";
        var path = NewFile();
        var run = Run("r1", ActionRunStatus.Failed, null) with
        {
            Message = UiMessage.Verbatim($"GET http://127.0.0.1/watch?token={Token} failed; key {Key}"),
            Parameters = new Dictionary<string, string> { ["authorization"] = "Bearer abc.def", ["url"] = "http://host/sign-in?key=other-secret-99&x=1" },
        };
        var header = Header with { ScenarioSource = "/tmp/x.md", ScenarioMarkdown = $"link /sign-in?key={Key}" };
        using (var writer = new RecordingWriter(path, header, new SecretScrubber([Key, Token, null, ""])))
        {
            writer.Append(RecordingStreams.Runs, new RunBoard(1, [run]), Start);
        }

        var text = File.ReadAllText(path);

        Assert.DoesNotContain(Key, text);
        Assert.DoesNotContain(Token, text);
        Assert.DoesNotContain("abc.def", text);
        Assert.DoesNotContain("other-secret-99", text);
        Assert.Contains("x=1", text);
        Assert.Contains(SecretScrubber.Redacted, text);
    }

    [Fact]
    public void Read_LastLineCutInHalf_ReadsEverythingBeforeIt()
    {
        var path = NewFile();
        using (var writer = new RecordingWriter(path, Header, SecretScrubber.None))
        {
            writer.Append(RecordingStreams.Session, Session(1), Start.AddSeconds(1));
            writer.Append(RecordingStreams.Session, Session(2), Start.AddSeconds(2));
        }

        var whole = File.ReadAllText(path);
        File.WriteAllText(path, whole + whole.Split('\n')[2][..25]);

        var content = RecordingReader.Read(path);
        var cursor = new RecordingCursor(content);
        cursor.AdvanceTo(Start.AddMinutes(1));

        Assert.True(content.Truncated);
        Assert.Equal(2, content.Lines.Count);
        Assert.Equal(2, RecordingShapes.FromNode<SessionSnapshot>(cursor.Latest[RecordingStreams.Session])!.CurrentPart);
    }

    [Fact]
    public void Read_NotARecording_SaysSo()
    {
        var path = NewFile();
        File.WriteAllText(path, "{\"hello\":1}\n");

        var error = Assert.Throws<NotARecordingException>(() => RecordingReader.Read(path));

        Assert.Contains("not a Demo Console recording", error.Message);
    }
}
