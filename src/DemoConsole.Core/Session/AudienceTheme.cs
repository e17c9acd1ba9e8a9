namespace DemoConsole.Core.Session;

/// <summary>How the audience screen (/watch) looks. Chosen by a presenter for the room; every audience screen follows.</summary>
public enum AudienceTheme
{
    /// <summary>Dark, high contrast, large type that grows with the screen: a projector in a dimmed room.</summary>
    Projector,

    /// <summary>Dark text on white: a bright room or a washed-out projector where dark backgrounds turn grey.</summary>
    Light,
}
