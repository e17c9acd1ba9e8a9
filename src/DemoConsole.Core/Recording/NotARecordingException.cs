using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Recording;

/// <summary>A file that is not a recording the console wrote; <see cref="Text"/> says so in words (Message: the same in English).</summary>
public sealed class NotARecordingException(UiMessage text) : IOException(text.ToString())
{
    public UiMessage Text { get; } = text;
}
