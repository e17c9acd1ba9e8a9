using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>A manifest that cannot be read as Kubernetes objects; <see cref="Text"/> says why in words (Message: the same in English).</summary>
public sealed class ManifestFormatException(UiMessage text, Exception? inner = null) : FormatException(text.ToString(), inner)
{
    public UiMessage Text { get; } = text;
}
