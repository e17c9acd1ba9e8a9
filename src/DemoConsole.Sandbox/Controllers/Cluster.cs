using System.Collections.Concurrent;
using DemoConsole.Sandbox.Controllers.Faults;
using DemoConsole.Sandbox.Logs;
using DemoConsole.Sandbox.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DemoConsole.Sandbox.Controllers;

/// <summary>The simulated cluster: the store plus what acts on it (kubelet-like pod lifecycle, controllers, events, logs).</summary>
internal sealed partial class Cluster : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, DateTimeOffset> _transitions = new();
    private readonly ILogger _logger;
    private long _lastTransition;

    public Cluster(TimeProvider time, double timeScale, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        Time = time;
        TimeScale = timeScale;
        Store = new ResourceStore(time);
        Logs = new PodLogs();
        Events = new EventRecorder(Store, time);
        Usage = new PodUsage();
        Pods = new PodLifecycle(this);
        Controllers = new ControllerLoop(this);
        Autoscalers = new HorizontalPodAutoscalerController(this);
        InjectedFaults = new FaultInjector(this);
    }

    public TimeProvider Time { get; }

    public double TimeScale { get; }

    public ResourceStore Store { get; }

    public PodLogs Logs { get; }

    public EventRecorder Events { get; }

    public PodLifecycle Pods { get; }

    public PodUsage Usage { get; }

    public ControllerLoop Controllers { get; }

    public HorizontalPodAutoscalerController Autoscalers { get; }

    /// <summary>Faults put on workloads for rehearsals (crash loop, OOM kill, image pull, readiness).</summary>
    public FaultInjector InjectedFaults { get; }

    public CancellationToken Stopping => _stopping.Token;

    /// <summary>
    /// Unexpected failures inside controllers or timed transitions. They are kept (not thrown) so one bug cannot stop
    /// the simulated cluster in the middle of a demo; tests assert this stays empty.
    /// </summary>
    public ConcurrentQueue<Exception> Faults { get; } = new();

    /// <summary>Keeps an unexpected failure in <see cref="Faults"/> and logs it, so it is seen rather than lost.</summary>
    public void RecordFault(Exception fault)
    {
        Faults.Enqueue(fault);
        LogFault(fault, fault.Message);
    }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>A realistic duration shrunk (or stretched) by the time scale; tests run at 0.01 or less.</summary>
    public TimeSpan Scaled(TimeSpan realistic) => TimeSpan.FromTicks((long)(realistic.Ticks * TimeScale));

    public TimeSpan ScaledRandom(double minSeconds, double maxSeconds) =>
        Scaled(TimeSpan.FromSeconds(minSeconds + (Random.Shared.NextDouble() * (maxSeconds - minSeconds))));

    /// <summary>
    /// When the timed transitions not yet run are due (on <see cref="Time"/>): a test on a fake clock advances it from
    /// one to the next instead of guessing steps, and knows the sandbox is waiting on the clock when none is overdue.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> PendingTransitions => [.. _transitions.Values];

    /// <summary>Runs <paramref name="action"/> after a delay on the cluster's clock; stops with the cluster.</summary>
    public void After(TimeSpan delay, Action action)
    {
        var id = Interlocked.Increment(ref _lastTransition);
        _transitions[id] = Now + delay;
        _ = RunAfterAsync(id, delay, action);
    }

    public void Start()
    {
        Controllers.Start();
        Autoscalers.Start();
    }

    /// <summary>Cancels pending transitions, open watches and log follows, and ends the controller loop.</summary>
    public async Task StopAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync();
        }

        await Controllers.DisposeAsync();
        await Autoscalers.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    private async Task RunAfterAsync(long id, TimeSpan delay, Action action)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, Time, _stopping.Token);
            }

            if (!_stopping.IsCancellationRequested)
            {
                action();
            }
        }
        catch (OperationCanceledException)
        {
            // The cluster stopped; pending transitions are dropped, as when a node powers off.
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // The object vanished meanwhile (for example a pod deleted before it became Ready): the transition no
            // longer applies, as a kubelet's update of a deleted pod does not.
            LogDropped(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Anything else is a defect of the simulation: kept and logged, never dropped in silence.
            RecordFault(e);
        }
        finally
        {
            // Removed only after the action ran, so transitions it scheduled are already registered.
            _transitions.TryRemove(id, out _);
        }
    }

    [LoggerMessage(EventId = 900, Level = LogLevel.Error, Message = "Sandbox fault in a timed transition or controller: {Problem}")]
    private partial void LogFault(Exception fault, string problem);

    [LoggerMessage(EventId = 901, Level = LogLevel.Debug, Message = "Sandbox transition dropped: {Problem}")]
    private partial void LogDropped(string problem);
}
