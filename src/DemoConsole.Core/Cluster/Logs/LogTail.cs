using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Core.Cluster;

/// <summary>Starts one <see cref="LogTailSession"/> per <see cref="FollowAsync"/> call and ends it when the reader stops.</summary>
public sealed class LogTail(IClusterConnection connection, TimeProvider time, ILoggerFactory loggers, InformerOptions? informerOptions = null) : ILogTail
{
    public async IAsyncEnumerable<LogTailSnapshot> FollowAsync(LogTailRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var session = new LogTailSession(request, connection, time, loggers.CreateLogger<LogTail>(), informerOptions ?? new InformerOptions());
        session.Start();
        await foreach (var snapshot in session.SubscribeAsync(cancellationToken))
        {
            yield return snapshot;
        }
    }
}
