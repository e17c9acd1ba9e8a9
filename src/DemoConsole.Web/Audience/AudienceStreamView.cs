using DemoConsole.Web.Components.Layout;
using DemoConsole.Web.Components.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace DemoConsole.Web.Audience;

/// <summary>
/// What every light audience screen shows: the <c>/watch</c> page in its layout, the very components the Blazor
/// audience screen uses, so both look the same and follow the same session, runs and cluster views.
/// </summary>
internal sealed class AudienceStreamView : ComponentBase
{
    private static readonly RenderFragment WatchPage = builder =>
    {
        builder.OpenComponent<Watch>(0);
        builder.CloseComponent();
    };

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenComponent<LayoutView>(0);
        builder.AddComponentParameter(1, nameof(LayoutView.Layout), typeof(AudienceLayout));
        builder.AddComponentParameter(2, nameof(LayoutView.ChildContent), WatchPage);
        builder.CloseComponent();
    }
}
