using System.Globalization;
using DemoConsole.Core.Load;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Actions.Kinds;

/// <summary>The types of value a <c>demo-action</c> parameter can hold; each knows how to check and read its text.</summary>
public enum ParameterType
{
    /// <summary>Any non-empty text (a name, a selector).</summary>
    Text,

    /// <summary>A path relative to the gateway, starting with '/'.</summary>
    Path,

    /// <summary>A duration such as 500ms, 1s or 2m.</summary>
    Duration,

    /// <summary>A whole number above zero.</summary>
    Count,

    /// <summary>A number above zero (requests per second).</summary>
    Rate,

    /// <summary>One of a fixed list of words (<see cref="ActionParameter.Choices"/>).</summary>
    Choice,
}

/// <summary>
/// One parameter of an action kind: the rule the scenario parser and <c>check</c> report against and the reader
/// the handler uses, so the two can never disagree.
/// </summary>
public sealed record ActionParameter(string Name, ParameterType Type, bool Required, string Description)
{
    /// <summary>The allowed words of a <see cref="ParameterType.Choice"/> parameter, compared without case.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    public static ActionParameter OneOf(string name, IReadOnlyList<string> choices, string description) =>
        new(name, ParameterType.Choice, false, description) { Choices = choices };

    /// <summary>Why <paramref name="value"/> is not usable, or null when it is.</summary>
    public UiMessage? Problem(string value)
    {
        var text = value.Trim();
        return Type switch
        {
            _ when text.Length == 0 => new UiMessage("Action_ParamEmpty"),
            ParameterType.Path when !text.StartsWith('/') => new UiMessage("Action_ParamPath"),
            ParameterType.Duration when !DurationText.TryParse(text, out var d) || d <= TimeSpan.Zero => new UiMessage("Action_ParamDuration"),
            ParameterType.Count when ParseCount(text) is null => new UiMessage("Action_ParamCount"),
            ParameterType.Rate when ParseRate(text) is null => new UiMessage("Action_ParamRate"),
            ParameterType.Choice when !Choices.Contains(text, StringComparer.OrdinalIgnoreCase) => new UiMessage("Action_ParamChoice", string.Join(", ", Choices)),
            _ => null,
        };
    }

    /// <summary>The trimmed text the action gives, or null when it gives none.</summary>
    public string? Text(ActionDefinition action) =>
        action.Parameters.TryGetValue(Name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;

    /// <summary>The duration the action gives; null when absent or not usable (see <see cref="Problem"/>).</summary>
    public TimeSpan? Duration(ActionDefinition action) =>
        Text(action) is { } text && Problem(text) is null && DurationText.TryParse(text, out var d) ? d : null;

    public long? Count(ActionDefinition action) => Text(action) is { } text ? ParseCount(text) : null;

    public double? Rate(ActionDefinition action) => Text(action) is { } text ? ParseRate(text) : null;

    /// <summary>The chosen word in the spelling of <see cref="Choices"/>; null when absent or not one of them.</summary>
    public string? Choice(ActionDefinition action) =>
        Text(action) is { } text ? Choices.FirstOrDefault(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)) : null;

    private static long? ParseCount(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= int.MaxValue ? n : null;

    private static double? ParseRate(string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var r) && double.IsFinite(r) && r > 0 ? r : null;
}
