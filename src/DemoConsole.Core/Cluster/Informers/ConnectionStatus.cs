using DemoConsole.Core.Messages;


namespace DemoConsole.Core.Cluster;

/// <summary>How a live view's link to the cluster stands, for the banner and the view's own badge.</summary>
public enum ConnectionState
{
    /// <summary>The first list has not answered yet.</summary>
    Connecting,

    /// <summary>Listed and watching: the view shows what the cluster has.</summary>
    Connected,

    /// <summary>Was connected, lost the link and is retrying with backoff; the view shows the last known data.</summary>
    Reconnecting,

    /// <summary>Never reached, not configured, refused the credentials or does not serve the resource; still retrying.</summary>
    Unavailable,
}

/// <summary>The state of a live view's link, the last problem in words (null when connected) and since when.</summary>
public sealed record ConnectionStatus(ConnectionState State, UiMessage? Problem, DateTimeOffset Since)
{
    public static ConnectionStatus Initial(DateTimeOffset now) => new(ConnectionState.Connecting, null, now);

    public bool IsConnected => State == ConnectionState.Connected;
}
