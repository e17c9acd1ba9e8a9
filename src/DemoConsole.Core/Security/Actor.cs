namespace DemoConsole.Core.Security;

public enum ConsoleRole
{
    Viewer,
    Presenter,
}

/// <summary>Who asks for something. Every state change in Core is checked against this, not only hidden in the UI.</summary>
public sealed record Actor(string Name, ConsoleRole Role)
{
    public bool IsPresenter => Role == ConsoleRole.Presenter;

    public static Actor Presenter(string name) => new(name, ConsoleRole.Presenter);

    public static Actor Viewer(string name) => new(name, ConsoleRole.Viewer);
}
