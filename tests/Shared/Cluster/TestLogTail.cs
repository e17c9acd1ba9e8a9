using System.Runtime.CompilerServices;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Live;

namespace DemoConsole.Tests.Shared;

/// <summary><see cref="ILogTail"/> for component tests: the test publishes tail snapshots; requests are recorded.</summary>
public sealed class TestLogTail : ILogTail
{
    private readonly SnapshotBroadcaster<LogTailSnapshot> _broadcaster = new(
        new LogTailSnapshot([], [], 0, 0, null, new ConnectionStatus(ConnectionState.Connected, null, DateTimeOffset.UnixEpoch), 0));

    private readonly List<LogTailRequest> _requests = [];

    public IReadOnlyList<LogTailRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public int Subscribers => _broadcaster.SubscriberCount;

    public async IAsyncEnumerable<LogTailSnapshot> FollowAsync(LogTailRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        lock (_requests)
        {
            _requests.Add(request);
        }

        await foreach (var snapshot in _broadcaster.SubscribeAsync(cancellationToken))
        {
            yield return snapshot;
        }
    }

    /// <summary>Appends lines (pod, text) and publishes the new tail.</summary>
    public LogTailSnapshot Append(params (string Pod, string Text)[] lines)
    {
        var current = _broadcaster.Current;
        var added = lines.Select(l => new LogTailLine(DateTimeOffset.UnixEpoch, l.Pod, l.Text)).ToList();
        var next = current with
        {
            Lines = [.. current.Lines, .. added],
            Pods = current.Pods.Union(added.Select(l => l.Pod)).ToList(),
            LinesRead = current.LinesRead + added.Count,
            LinesMatched = current.LinesMatched + added.Count,
            Version = current.Version + 1,
        };
        _broadcaster.Publish(next);
        return next;
    }
}
