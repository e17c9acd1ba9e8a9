using DemoConsole.Core.Session;
using MudBlazor;

namespace DemoConsole.Web.Components.Layout;

/// <summary>The console's MudBlazor themes: one for presenter screens, two for the audience screen (see <see cref="AudienceTheme"/>).</summary>
public static class ConsoleTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            AppbarBackground = "#1f2a37",
        },
    };

    /// <summary>
    /// The audience screen's theme: its light palette is the bright-room theme, its dark palette the projector theme
    /// (near-black background, white text, saturated status colours that survive a washed-out projector).
    /// </summary>
    public static MudTheme Audience { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d4ed8",
            Background = "#ffffff",
            Surface = "#ffffff",
            TextPrimary = "#0f172a",
            TextSecondary = "#334155",
            LinesDefault = "#94a3b8",
            Success = "#15803d",
            Warning = "#b45309",
            Error = "#b91c1c",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#93c5fd",
            Background = "#020617",
            Surface = "#111c2e",
            TextPrimary = "#ffffff",
            TextSecondary = "#e2e8f0",
            LinesDefault = "#64748b",
            Success = "#4ade80",
            Warning = "#fbbf24",
            Error = "#f87171",
        },
    };

    /// <summary>Whether MudBlazor draws the audience screen with the dark (projector) palette.</summary>
    public static bool IsDark(AudienceTheme theme) => theme == AudienceTheme.Projector;

    /// <summary>The CSS class of the audience screen for <paramref name="theme"/> (wwwroot/css/audience.css).</summary>
    public static string CssClass(AudienceTheme theme) => theme == AudienceTheme.Light ? "theme-light" : "theme-projector";
}
