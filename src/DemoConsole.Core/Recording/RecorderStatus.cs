namespace DemoConsole.Core.Recording;

/// <summary>Whether the session is being recorded now, to which file, and since when (the presenter bar's switch shows it).</summary>
/// <param name="Available">False when recordings have no folder (the state file is turned off).</param>
public sealed record RecorderStatus(bool Available, bool Recording, string? FileName, DateTimeOffset? Since)
{
    public static RecorderStatus Off(bool available) => new(available, false, null, null);
}
