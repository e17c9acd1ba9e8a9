using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Actions.Kinds;

/// <summary>
/// Everything the console knows about one action kind, in one place: its name, its parameters (read by the parser,
/// <c>check</c> and the handler alike), which of them a presenter may set when running it, how it asks first, its
/// result type and the handler that runs it. Listed in <see cref="ActionKindCatalog"/>; see docs/action-kinds.md.
/// </summary>
public sealed record ActionKindDescriptor
{
    /// <summary>The <c>kind:</c> value of the scenario's <c>demo-action</c> blocks.</summary>
    public required string Name { get; init; }

    public required IReadOnlyList<ActionParameter> Parameters { get; init; }

    /// <summary>Parameters a presenter may set when starting a run (a pod picked from the live list); none by default.</summary>
    public IReadOnlySet<string> RunTimeParameters { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public ConfirmationStyle Confirmation { get; init; } = ConfirmationStyle.None;

    /// <summary>The type of the live progress and final result the handler reports (shown by its own view).</summary>
    public required Type ResultType { get; init; }

    /// <summary>The <see cref="IActionHandler"/> that runs the kind; null while the kind is declared but not built yet.</summary>
    public Type? HandlerType { get; init; }

    /// <summary>Why the kind cannot run while it has no handler, for its disabled button (a general sentence when null).</summary>
    public string? NotBuiltReason { get; init; }

    public UiMessage NotAvailableReason => NotBuiltReason is { } reason ? UiMessage.Verbatim(reason) : new UiMessage("Actions_KindNotAvailable", Name);

    public bool AsksFirst => Confirmation != ConfirmationStyle.None;

    public ActionParameter? Parameter(string name) => Parameters.FirstOrDefault(p => p.Name == name);

    /// <summary>Every problem of the action's parameters (missing, unknown, unusable), with the parameter it is about.</summary>
    public IReadOnlyList<(string? Parameter, UiMessage Problem)> Problems(ActionDefinition action)
    {
        var problems = new List<(string?, UiMessage)>();
        foreach (var missing in Parameters.Where(p => p.Required && p.Text(action) is null))
        {
            problems.Add((null, new UiMessage("Action_NeedsParameter", Name, missing.Name)));
        }

        // Nested YAML arrives flattened ("headers.Accept"); an unknown block is reported once, by its own name.
        foreach (var unknown in action.Parameters.Keys.Select(k => k.Split('.')[0]).Where(k => Parameter(k) is null).Distinct())
        {
            problems.Add((unknown, new UiMessage("Action_UnknownParameter", Name, unknown, string.Join(", ", Parameters.Select(p => p.Name)))));
        }

        foreach (var (key, value) in action.Parameters)
        {
            if (Parameter(key) is { } parameter && value.Trim().Length > 0 && parameter.Problem(value) is { } problem)
            {
                problems.Add((key, new UiMessage("Action_ParameterProblem", key, value, problem)));
            }
        }

        return problems;
    }

    /// <summary>The first problem of the action's parameters for a disabled button, or null.</summary>
    public UiMessage? ParameterProblem(ActionDefinition action) =>
        Problems(action) is [var (_, first), ..] ? new UiMessage("Action_ParametersUnusable", first) : null;
}
