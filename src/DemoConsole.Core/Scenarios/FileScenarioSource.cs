using DemoConsole.Core.Live;
using DemoConsole.Core.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Core.Scenarios;

/// <summary>
/// A scenario read from a Markdown file and reloaded when the file changes, so a team can edit the runbook
/// while the console runs. A version with errors never replaces the last good scenario; its problems are
/// shown instead. When the file is missing or broken at start-up, the console runs on the fallback
/// (the <see cref="DefaultScenario"/> of its language).
/// </summary>
public sealed partial class FileScenarioSource : IScenarioSource, IDisposable
{
    /// <summary>Editors save in several writes (truncate, write, rename); wait this long after the last event.</summary>
    public static readonly TimeSpan DefaultDebounce = TimeSpan.FromMilliseconds(300);

    // A file still locked by the writer is retried a few times; after that the next change event retries.
    private const int MaxReadRetries = 5;

    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _debounce;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly FileSystemWatcher? _watcher;
    private ITimer? _timer;
    private int _readRetries;
    private bool _disposed;
    private readonly SnapshotBroadcaster<ScenarioState> _state;

    /// <param name="path">The scenario file; relative paths are resolved against the current directory.</param>
    /// <param name="timeProvider">Clock for the debounce and <see cref="ScenarioState.LoadedAt"/>; the system clock when null.</param>
    /// <param name="debounce">Quiet time after the last file event before reloading; <see cref="DefaultDebounce"/> when null.</param>
    /// <param name="logger">Where reload outcomes are logged.</param>
    /// <param name="fallback">What runs when the file is missing or broken at start-up; the Korean built-in scenario when null.</param>
    public FileScenarioSource(string path, TimeProvider? timeProvider = null, TimeSpan? debounce = null, ILogger<FileScenarioSource>? logger = null, Scenario? fallback = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        FilePath = Path.GetFullPath(path);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _debounce = debounce ?? DefaultDebounce;
        _logger = logger ?? NullLogger<FileScenarioSource>.Instance;

        var (result, _) = Read();
        _state = new SnapshotBroadcaster<ScenarioState>(new ScenarioState(result.Scenario ?? fallback ?? DefaultScenario.Load(), result.Problems, _timeProvider.GetUtcNow()));
        LogLoaded(result);
        _watcher = CreateWatcher();
    }

    /// <summary>The full path of the watched file.</summary>
    public string FilePath { get; }

    public ScenarioState Current => _state.Current;

    public IAsyncEnumerable<ScenarioState> WatchAsync(CancellationToken cancellationToken = default) => _state.SubscribeAsync(cancellationToken);

    /// <summary>Reads the file now (for example from a "reload" button), with the same keep-last-good rule.</summary>
    public void Reload()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var (result, transient) = Read();
            if (transient && _readRetries < MaxReadRetries)
            {
                _readRetries++;
                Schedule();
                return;
            }

            _readRetries = 0;
            _state.Publish(new ScenarioState(result.Scenario ?? _state.Current.Scenario, result.Problems, _timeProvider.GetUtcNow()));
            LogLoaded(result);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _timer?.Dispose();
            _timer = null;
        }

        _watcher?.Dispose();
    }

    /// <summary>A file event: (re)start the debounce timer. Internal so tests can drive it with a fake clock.</summary>
    internal void OnFileEvent()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                Schedule();
            }
        }
    }

    private void Schedule()
    {
        if (_timer is null)
        {
            _timer = _timeProvider.CreateTimer(_ => OnTimer(), null, _debounce, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimer()
    {
        try
        {
            Reload();
        }
#pragma warning disable CA1031 // Runs on a timer thread: an exception here would crash the process.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogReloadFailed(ex, FilePath);
        }
    }

    /// <returns>The parse result, and whether the failure may go away by itself (file busy).</returns>
    private (ScenarioParseResult Result, bool Transient) Read()
    {
        try
        {
            return (ScenarioParser.Parse(File.ReadAllText(FilePath), FilePath), false);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return (Failure(new UiMessage("Scenario_FileNotFound", FilePath)), false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (Failure(new UiMessage("Scenario_FileUnreadable", FilePath, ex.Message)), ex is IOException);
        }
    }

    private static ScenarioParseResult Failure(UiMessage message) =>
        new(null, [new ScenarioProblem(1, ProblemSeverity.Error, message)]);

    private FileSystemWatcher? CreateWatcher()
    {
        var directory = Path.GetDirectoryName(FilePath);
        if (directory is null || !Directory.Exists(directory))
        {
            LogNotWatched(FilePath);
            return null;
        }

        try
        {
            var watcher = new FileSystemWatcher(directory, Path.GetFileName(FilePath))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
            };
            watcher.Changed += (_, _) => OnFileEvent();
            watcher.Created += (_, _) => OnFileEvent();
            watcher.Deleted += (_, _) => OnFileEvent();
            watcher.Renamed += (_, _) => OnFileEvent();

            // A lost event buffer means changes may have been missed: reload to be sure.
            watcher.Error += (_, _) => OnFileEvent();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            LogReloadFailed(ex, FilePath);
            return null;
        }
    }

    private void LogLoaded(ScenarioParseResult result)
    {
        var errors = result.Problems.Count(p => p.Severity == ProblemSeverity.Error);
        if (result.Scenario is null)
        {
            LogKeptLastGood(FilePath, errors, result.Problems.Count > 0 ? result.Problems[0].ToString() : "");
        }
        else
        {
            LogScenarioLoaded(FilePath, result.Scenario.Title, result.Scenario.Parts.Count, result.Problems.Count);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Scenario {Path} loaded: {Title}, {PartCount} parts, {WarningCount} warnings")]
    private partial void LogScenarioLoaded(string path, string title, int partCount, int warningCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Scenario {Path} has {ErrorCount} errors, keeping the last good scenario; first: {FirstProblem}")]
    private partial void LogKeptLastGood(string path, int errorCount, string firstProblem);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Reloading scenario {Path} failed")]
    private partial void LogReloadFailed(Exception exception, string path);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Scenario {Path} is not watched: its folder does not exist")]
    private partial void LogNotWatched(string path);
}
