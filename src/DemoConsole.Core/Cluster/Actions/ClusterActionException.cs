using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>A cluster action cannot go on, for a reason <see cref="Text"/> gives in words (Message: the same in English).</summary>
public sealed class ClusterActionException(UiMessage text) : InvalidOperationException(text.ToString())
{
    public UiMessage Text { get; } = text;

    /// <summary>The words of any exception a cluster action catches: its own text, or the exception's message as it is.</summary>
    public static UiMessage TextOf(InvalidOperationException e) => e is ClusterActionException own ? own.Text : UiMessage.Verbatim(e.Message);
}
