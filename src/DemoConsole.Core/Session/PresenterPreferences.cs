using System.Collections.Concurrent;

namespace DemoConsole.Core.Session;

/// <summary>A presenter's teleprompter settings.</summary>
public sealed record TeleprompterSettings
{
    public const int MinFontSize = 14;
    public const int MaxFontSize = 72;
    public const int MaxScrollSpeed = 200;

    public static TeleprompterSettings Default { get; } = new();

    public int FontSize { get; init; } = 24;

    /// <summary>Auto-scroll speed in pixels per second.</summary>
    public int ScrollSpeed { get; init; } = 30;

    public bool Mirror { get; init; }

    /// <summary>Clamps values so a tampered or stale client cannot store nonsense.</summary>
    public TeleprompterSettings Normalized() => this with
    {
        FontSize = Math.Clamp(FontSize, MinFontSize, MaxFontSize),
        ScrollSpeed = Math.Clamp(ScrollSpeed, 0, MaxScrollSpeed),
    };
}

/// <summary>How tightly a presenter's screen is laid out.</summary>
public enum PresenterDensity
{
    /// <summary>Compact when the browser window is short (a 1366×768 laptop), regular otherwise.</summary>
    Auto,

    /// <summary>Always compact: smaller bars and type, teleprompter and live panels side by side within the window.</summary>
    Compact,

    /// <summary>Never compact.</summary>
    Regular,
}

/// <summary>Settings remembered per presenter name on the server, so they follow the presenter across tabs and laptops.</summary>
public sealed class PresenterPreferences
{
    private readonly ConcurrentDictionary<string, TeleprompterSettings> _teleprompter = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PresenterDensity> _density = new(StringComparer.Ordinal);

    public TeleprompterSettings Teleprompter(string presenter) =>
        _teleprompter.GetValueOrDefault(presenter, TeleprompterSettings.Default);

    public void SetTeleprompter(string presenter, TeleprompterSettings settings) =>
        _teleprompter[presenter] = settings.Normalized();

    public PresenterDensity Density(string presenter) => _density.GetValueOrDefault(presenter, PresenterDensity.Auto);

    public void SetDensity(string presenter, PresenterDensity density) =>
        _density[presenter] = Enum.IsDefined(density) ? density : PresenterDensity.Auto;
}
