using DemoConsole.Core.Actions;
using Microsoft.AspNetCore.Components;

namespace DemoConsole.Web.Components.Panels.Results;

/// <summary>
/// Base of the view of one result type (<see cref="Core.Actions.Kinds.ActionKindDescriptor.ResultType"/>).
/// <see cref="ResultViews"/> finds every subclass, so a new kind's view is picked up by writing it.
/// </summary>
public abstract class ActionResultView<TResult> : ComponentBase where TResult : class, IActionResult
{
    [Parameter, EditorRequired]
    public TResult Result { get; set; } = default!;

    /// <summary>Large type for the audience screen.</summary>
    [Parameter]
    public bool Large { get; set; }
}
