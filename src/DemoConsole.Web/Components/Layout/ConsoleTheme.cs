using MudBlazor;

namespace DemoConsole.Web.Components.Layout;

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
}
