using System.Collections.Frozen;
using DemoConsole.Core.Actions;

namespace DemoConsole.Web.Components.Panels.Results;

/// <summary>
/// Which component shows which result type: every <see cref="ActionResultView{TResult}"/> of this assembly, found once.
/// A result type without a view of its own is shown field by field (<see cref="FieldsResultView"/>).
/// </summary>
public static class ResultViews
{
    private static readonly FrozenDictionary<Type, Type> ByResultType = typeof(ResultViews).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(ActionResultView<>))
        .ToFrozenDictionary(t => t.BaseType!.GetGenericArguments()[0]);

    /// <summary>The component for <paramref name="result"/> and the parameters to give it.</summary>
    public static (Type Component, Dictionary<string, object?> Parameters) For(IActionResult result, bool large) =>
        (ByResultType.GetValueOrDefault(result.GetType(), typeof(FieldsResultView)),
         new Dictionary<string, object?> { ["Result"] = result, ["Large"] = large });

    /// <summary>Whether <paramref name="resultType"/> has a view of its own.</summary>
    public static bool HasView(Type resultType) => ByResultType.ContainsKey(resultType);
}
