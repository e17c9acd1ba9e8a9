using DemoConsole.Core.Session;
using DemoConsole.Web.Components.Layout;
using DemoConsole.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DemoConsole.Web.Components.Pages;

/// <summary>
/// Base of the pages that are a position of the session. Opening one by URL (a bookmark, number keys, a link)
/// moves the session there when this presenter may drive; otherwise the screen goes where the driver is.
/// </summary>
[Authorize(Policy = ConsoleClaims.PresenterPolicy)]
public abstract class PresenterPage : ComponentBase
{
    private SessionPosition? _requested;

    [CascadingParameter]
    protected PresenterContext Context { get; set; } = default!;

    [Inject]
    protected DemoSession Session { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The session position this page shows.</summary>
    protected abstract SessionPosition Position { get; }

    protected override void OnParametersSet()
    {
        if (!RendererInfo.IsInteractive || Position == _requested)
        {
            return;
        }

        _requested = Position;
        if (Session.Snapshot.Position == Position)
        {
            return;
        }

        var result = Session.GoTo(Context.Actor, Position);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Describe(), Severity.Info);
            Navigation.NavigateTo(Session.Snapshot.Position.PresenterPath);
        }
    }
}
