using DemoConsole.Core.Live;
using StackExchange.Redis;

namespace DemoConsole.Web.Replicas;

/// <summary>
/// This replica's one connection to the Redis that console replicas share (<c>DemoConsole:Redis</c>), and the names of
/// what they share in it. The connection is made without waiting for Redis: a console whose Redis is down still
/// starts and serves what it has, and StackExchange.Redis reconnects (and subscribes again) when Redis is back.
/// Calls fail fast (2 s) while it is away, so no screen waits long on it.
/// </summary>
public sealed partial class RedisReplicaConnection : IDisposable
{
    private const string Prefix = "democonsole:";
    private readonly Lazy<ConnectionMultiplexer> _connection;
    private readonly ILogger<RedisReplicaConnection> _logger;
    private bool _everConnected;
    private readonly SnapshotBroadcaster<RedisReachability> _reachable = new(new RedisReachability(true));

    public RedisReplicaConnection(string connectionString, ILogger<RedisReplicaConnection> logger)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 2000;
        options.AsyncTimeout = 2000;
        options.ClientName = "demo-console";
        // The endpoints only: the connection string may carry a password.
        var endpoints = string.Join(", ", options.EndPoints.Select(e => e.ToString()));
        _connection = new Lazy<ConnectionMultiplexer>(() =>
        {
            var connection = ConnectionMultiplexer.Connect(options);
            connection.ConnectionFailed += (_, e) =>
            {
                LogLost(endpoints, e.FailureType.ToString());
                _reachable.Publish(new RedisReachability(false));
            };
            connection.ConnectionRestored += (_, _) =>
            {
                _everConnected |= connection.IsConnected;
                LogRestored(endpoints);
                _reachable.Publish(new RedisReachability(connection.IsConnected));
                Restored?.Invoke();
            };
            _everConnected = connection.IsConnected;
            _reachable.Publish(new RedisReachability(connection.IsConnected));
            return connection;
        });
        _logger = logger;
    }

    /// <summary>Names this process among the replicas (host, process, a random part for a reused pid).</summary>
    public string ReplicaId { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("n")[..6]}";

    /// <summary>Raised when the connection to Redis is back after a loss: shared state is compared and sent again.</summary>
    public event Action? Restored;

    public bool IsConnected => _connection.Value.IsConnected;

    /// <summary>Whether this replica has reached Redis since it started (and so has the shared state and sign-in keys).</summary>
    public bool EverConnected => _connection.Value is { } connection && (_everConnected |= connection.IsConnected);

    /// <summary>Whether Redis answers now, then after each loss and return (for the presenter's banner).</summary>
    public IAsyncEnumerable<RedisReachability> WatchAsync(CancellationToken cancellationToken) => _reachable.SubscribeAsync(cancellationToken);

    public IDatabase Database => _connection.Value.GetDatabase();

    public ISubscriber Subscriber => _connection.Value.GetSubscriber();

    /// <summary>Redis away or too slow: a failure to ride out, not a bug (timeouts are not RedisExceptions).</summary>
    public static bool IsUnavailable(Exception exception) => exception is RedisException or RedisTimeoutException;

    public static RedisKey Key(string name) => Prefix + name;

    public static RedisChannel Channel(string name) => RedisChannel.Literal(Prefix + name);

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Warning, Message = "Redis at {Endpoints} is unreachable ({Failure}); serving what this replica has until it is back")]
    private partial void LogLost(string endpoints, string failure);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Redis at {Endpoints} is reachable again")]
    private partial void LogRestored(string endpoints);
}

/// <summary>Whether this replica reaches the shared Redis.</summary>
public sealed record RedisReachability(bool Reachable);
