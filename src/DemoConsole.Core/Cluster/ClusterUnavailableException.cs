namespace DemoConsole.Core.Cluster;

/// <summary>The cluster client cannot be built; the message says why, in words a presenter can act on.</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
