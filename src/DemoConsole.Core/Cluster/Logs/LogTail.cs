using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Cluster;

/// <summary>
/// Shares one <see cref="LogTailSession"/> among all readers of the same request (the presenter and every audience
/// screen read the same log streams once), and ends it when its last reader stops. A reader that joins late sees
/// the buffer so far.
/// </summary>
public sealed class LogTail(IClusterConnection connection, TimeProvider time, ILoggerFactory loggers, InformerOptions? informerOptions = null) : ILogTail
{
    private readonly Lock _gate = new();
    private readonly Dictionary<LogTailRequest, Shared> _sessions = [];

    /// <summary>Sessions running now (one per distinct request being read).</summary>
    public int ActiveSessions
    {
        get
        {
            lock (_gate)
            {
                return _sessions.Count;
            }
        }
    }

    public async IAsyncEnumerable<LogTailSnapshot> FollowAsync(LogTailRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var shared = Acquire(request);
        try
        {
            await foreach (var snapshot in shared.Session.SubscribeAsync(cancellationToken))
            {
                yield return snapshot;
            }
        }
        finally
        {
            await ReleaseAsync(request, shared);
        }
    }

    private Shared Acquire(LogTailRequest request)
    {
        lock (_gate)
        {
            if (!_sessions.TryGetValue(request, out var shared))
            {
                var session = new LogTailSession(request, connection, time, loggers.CreateLogger<LogTail>(), informerOptions ?? new InformerOptions());
                shared = new Shared(session);
                _sessions[request] = shared;
                session.Start();
            }

            shared.Readers++;
            return shared;
        }
    }

    private async ValueTask ReleaseAsync(LogTailRequest request, Shared shared)
    {
        lock (_gate)
        {
            if (--shared.Readers > 0)
            {
                return;
            }

            _sessions.Remove(request);
        }

        // Outside the lock: stopping waits for the log streams to close.
        await shared.Session.DisposeAsync();
    }

    private sealed class Shared(LogTailSession session)
    {
        public LogTailSession Session => session;

        public int Readers { get; set; }
    }
}
