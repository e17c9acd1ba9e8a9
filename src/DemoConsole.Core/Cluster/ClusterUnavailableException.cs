using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Cluster;

/// <summary>The cluster client cannot be built; <see cref="Text"/> says why, in words a presenter can act on (Message: the same in English).</summary>
public sealed class ClusterUnavailableException(UiMessage text, Exception? inner = null) : Exception(text.ToString(), inner)
{
    public UiMessage Text { get; } = text;
}
