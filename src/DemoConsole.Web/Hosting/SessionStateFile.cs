using System.Text.Json;
using System.Text.Json.Serialization;
using DemoConsole.Core.Session;
using DemoConsole.Web.Configuration;
using Microsoft.Extensions.Options;

namespace DemoConsole.Web.Hosting;

/// <summary>
/// Keeps the session in a file so a console restart (a crash, a laptop reboot during rehearsal) comes back on
/// the same part with the same timers and checklist. Written after changes, at most twice a second.
/// </summary>
public sealed partial class SessionStateFile(
    DemoSession session,
    IOptions<DemoConsoleOptions> options,
    TimeProvider time,
    ILogger<SessionStateFile> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };

    private static readonly TimeSpan WriteEvery = TimeSpan.FromMilliseconds(500);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (Path() is { } path && File.Exists(path))
        {
            Load(path);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Path() is not { } path)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not being able to keep the session must never stop the console (a read-only home in a container).
            LogUnwritable(ex, path);
            return;
        }

        var written = session.Snapshot.Version;
        try
        {
            await foreach (var snapshot in session.WatchAsync(stoppingToken))
            {
                if (snapshot.Version != written)
                {
                    await SaveAsync(path, snapshot, stoppingToken);
                    written = snapshot.Version;
                }

                await Task.Delay(WriteEvery, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await SaveAsync(path, session.Snapshot, CancellationToken.None);
        }
    }

    private string? Path() => string.IsNullOrWhiteSpace(options.Value.StateFile) ? null : options.Value.StateFile;

    private void Load(string path)
    {
        try
        {
            var saved = JsonSerializer.Deserialize<SessionSnapshot>(File.ReadAllText(path), Json);
            if (saved is not null)
            {
                session.Restore(saved);
                LogRestored(path, saved.Position.PresenterPath);
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // A damaged state file must not keep the console from starting; it starts fresh instead.
            LogUnreadable(ex, path);
        }
    }

    private async Task SaveAsync(string path, SessionSnapshot snapshot, CancellationToken cancellationToken)
    {
        try
        {
            // Write aside and move, so a crash mid-write never leaves half a file.
            var temporary = path + ".tmp";
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(snapshot with { Presenters = [] }, Json), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogUnwritable(ex, path);
        }
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Session restored from {Path}: at {Page}")]
    private partial void LogRestored(string path, string page);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Session state file {Path} is unreadable; starting fresh")]
    private partial void LogUnreadable(Exception exception, string path);

    [LoggerMessage(EventId = 602, Level = LogLevel.Warning, Message = "Session state file {Path} cannot be written")]
    private partial void LogUnwritable(Exception exception, string path);
}
