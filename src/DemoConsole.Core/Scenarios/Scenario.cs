using DemoConsole.Core.Observability;

namespace DemoConsole.Core.Scenarios;

/// <summary>
/// A demo runbook parsed into immutable data: what to say, what to run and what to show, part by part.
/// Produced by <see cref="ScenarioParser"/>; never mutated afterwards, so screens can share one instance.
/// </summary>
public sealed record Scenario
{
    /// <summary>The languages a scenario may declare in its front matter (<c>language:</c>).</summary>
    public static readonly IReadOnlyList<string> Languages = ["ko", "en"];

    public required string Title { get; init; }

    /// <summary>The scenario's own language from its front matter, or null when it does not say.</summary>
    public string? Language { get; init; }

    /// <summary>Where the scenario came from (file path or "embedded:default"), for messages.</summary>
    public required string Source { get; init; }

    public required ScenarioBudget Budget { get; init; }

    /// <summary>Overview text shown on the overview page (Markdown), without the key messages.</summary>
    public string OverviewMarkdown { get; init; } = "";

    public IReadOnlyList<string> KeyMessages { get; init; } = [];

    /// <summary>Preparation steps before the demo starts (the runbook's "데모 준비 사항").</summary>
    public ScenarioSection? Preparation { get; init; }

    /// <summary>The numbered parts, in order; <see cref="ScenarioPart.Number"/> starts at 1.</summary>
    public required IReadOnlyList<ScenarioPart> Parts { get; init; }

    public ScenarioSection? Closing { get; init; }

    public IReadOnlyList<QuestionAnswer> Questions { get; init; } = [];

    public IReadOnlyList<Checklist> Checklists { get; init; } = [];

    public IReadOnlyList<EmergencyPlan> EmergencyPlans { get; init; } = [];

    public IReadOnlyList<ScenarioSection> ExtraItems { get; init; } = [];

    public IReadOnlyList<ScenarioSection> Appendix { get; init; } = [];

    /// <summary>Values from front matter such as the gateway base URL or the demo namespaces.</summary>
    public ScenarioTargets Targets { get; init; } = new();

    /// <summary>Query overrides and thresholds of the metrics views (front matter <c>metrics:</c>); the runbook's by default.</summary>
    public ScenarioMetrics Metrics { get; init; } = ScenarioMetrics.Default;

    /// <summary>Every action of the scenario, wherever it was declared.</summary>
    public IEnumerable<ActionDefinition> Actions =>
        AllSections.SelectMany(s => s.Blocks).OfType<ActionBlock>().Select(b => b.Action);

    /// <summary>Every panel of the scenario, wherever it was declared.</summary>
    public IEnumerable<PanelDefinition> Panels =>
        AllSections.SelectMany(s => s.Blocks).OfType<PanelBlock>().Select(b => b.Panel);

    /// <summary>Every live cluster view of the scenario, wherever it was declared.</summary>
    public IEnumerable<ViewDefinition> Views =>
        AllSections.SelectMany(s => s.Blocks).OfType<ViewBlock>().Select(b => b.View);

    public IEnumerable<ScenarioSection> AllSections =>
        new[] { Preparation }.Concat(Parts.Select(p => p.Section)).Append(Closing)
            .Concat(ExtraItems).Concat(Appendix).OfType<ScenarioSection>();

    public ScenarioPart? FindPart(int number) => Parts.FirstOrDefault(p => p.Number == number);
}

/// <summary>Time budget of the whole demo: the runbook says "20-25분", so a target and a hard limit.</summary>
public sealed record ScenarioBudget(TimeSpan Target, TimeSpan Limit);

/// <summary>Addresses the scenario's actions and panels point at; from front matter, overridable by configuration.</summary>
public sealed record ScenarioTargets
{
    /// <summary>Base URL of the platform's gateway (the runbook's http://host:31304). Null: use the configured one.</summary>
    public Uri? Gateway { get; init; }

    /// <summary>Namespaces the demo shows (titanium-prod, istio-system, monitoring, argocd in the runbook).</summary>
    public IReadOnlyList<string> Namespaces { get; init; } = [];

    /// <summary>The namespace of the demo's application (titanium-prod), where pod actions are allowed by default.</summary>
    public string? ApplicationNamespace { get; init; }
}

/// <summary>One numbered part of the demo ("### 3부: 모니터링 시스템 시연").</summary>
public sealed record ScenarioPart(int Number, TimeSpan Budget, ScenarioSection Section)
{
    public string Title => Section.Title;

    /// <summary>The part's name as the scenario's heading words it: "3부" in a Korean scenario, "Part 3" in an English one.</summary>
    public string Label { get; init; } = $"Part {Number}";
}

/// <summary>A titled run of content blocks: a part, the preparation, the closing, an extra item, an appendix page.</summary>
public sealed record ScenarioSection
{
    public required string Title { get; init; }

    /// <summary>1-based line of the section heading in the source file.</summary>
    public required int Line { get; init; }

    /// <summary>The runbook's "화면 / Screen" line: what the audience should be looking at.</summary>
    public string? Screen { get; init; }

    /// <summary>The runbook's "목적 / Purpose" line.</summary>
    public string? Purpose { get; init; }

    public IReadOnlyList<ScenarioBlock> Blocks { get; init; } = [];

    public IEnumerable<ScriptBlock> Script => Blocks.OfType<ScriptBlock>();

    /// <summary>
    /// The console's own view a panel of this section falls back to: the section's view named by the panel's
    /// <c>fallback</c>, a view kind named by it, or the kind's default (Grafana → golden-signals, Kiali → service-graph).
    /// </summary>
    public ViewDefinition? FallbackOf(PanelDefinition panel)
    {
        var named = panel.Fallback is { } fallback
            ? Blocks.OfType<ViewBlock>().Select(b => b.View).FirstOrDefault(v => v.Id == fallback)
            : null;
        var kind = named?.Kind ?? (panel.Fallback is { } k && ViewKinds.Known.Contains(k) ? k : ViewKinds.FallbackFor(panel.Kind));
        return named ?? (kind is null ? null : new ViewDefinition($"{panel.Id}-native", kind, panel.Title, panel.Part, new Dictionary<string, string>(), panel.Line));
    }

    /// <summary>The section's views that are not some panel's fallback: those are shown in their panel's place.</summary>
    public IEnumerable<ViewDefinition> StandaloneViews
    {
        get
        {
            var fallbacks = Blocks.OfType<PanelBlock>().Select(p => p.Panel.Fallback).OfType<string>().ToHashSet(StringComparer.Ordinal);
            return Blocks.OfType<ViewBlock>().Select(b => b.View).Where(v => !fallbacks.Contains(v.Id));
        }
    }
}

/// <summary>A piece of a section, in document order. Only panels, views and action results are shown to the audience.</summary>
public abstract record ScenarioBlock(int Line);

/// <summary>What the presenter says (a blockquote under "스크립트 / Script"). Presenter-only.</summary>
public sealed record ScriptBlock(int Line, string Markdown) : ScenarioBlock(Line);

/// <summary>Steps, explanations and other notes for the presenter (Markdown). Presenter-only.</summary>
public sealed record NoteBlock(int Line, string? Heading, string Markdown) : ScenarioBlock(Line);

/// <summary>A command to copy into a terminal (a fenced code block). Presenter-only.</summary>
public sealed record CommandBlock(int Line, string Language, string Text) : ScenarioBlock(Line);

/// <summary>Things to verify ("확인 사항 / Checks"). Presenter-only.</summary>
public sealed record CheckBlock(int Line, IReadOnlyList<string> Items) : ScenarioBlock(Line);

public sealed record ActionBlock(int Line, ActionDefinition Action) : ScenarioBlock(Line);

public sealed record PanelBlock(int Line, PanelDefinition Panel) : ScenarioBlock(Line);

public sealed record ViewBlock(int Line, ViewDefinition View) : ScenarioBlock(Line);

/// <summary>A button the console can run, declared in a <c>demo-action</c> fenced block.</summary>
/// <param name="Id">Unique within the scenario; used in URLs (<c>/api/actions/{id}/run</c>).</param>
/// <param name="Kind">What runs it: <c>load-burst</c>, <c>request-sequence</c>, <c>steady-traffic</c>, <c>pod-kill</c>, ...</param>
/// <param name="Part">The part it belongs to; null for preparation and other sections.</param>
/// <param name="Parameters">Kind-specific parameters as written (path, method, count, interval, ...).</param>
/// <param name="Expect">Optional expectation, for example <c>"405 >= 95%"</c>.</param>
public sealed record ActionDefinition(
    string Id,
    string Kind,
    string Title,
    int? Part,
    IReadOnlyDictionary<string, string> Parameters,
    string? Expect,
    int Line);

public enum PanelKind
{
    Grafana,
    Kiali,
    Url,
}

/// <summary>An embedded view declared in a <c>demo-panel</c> fenced block.</summary>
public sealed record PanelDefinition(string Id, PanelKind Kind, string Title, Uri Url, int? Part, int Line)
{
    /// <summary>
    /// The console's own view to show when the frame cannot be: a view kind (<c>golden-signals</c>) or the id of a
    /// <c>demo-view</c>. Null: by panel kind (<see cref="ViewKinds.FallbackFor"/>).
    /// </summary>
    public string? Fallback { get; init; }
}

/// <summary>A live cluster view declared in a <c>demo-view</c> fenced block (see <see cref="ViewKinds"/>).</summary>
public sealed record ViewDefinition(string Id, string Kind, string Title, int? Part, IReadOnlyDictionary<string, string> Parameters, int Line);

public sealed record QuestionAnswer(string Id, string Question, string AnswerMarkdown, int Line);

/// <summary>A checklist phase ("데모 전날", "데모 당일 (30분 전)", ...). Item ids are stable so state can be kept server-side.</summary>
public sealed record Checklist(string Id, string Title, IReadOnlyList<ChecklistItem> Items, int Line);

public sealed record ChecklistItem(string Id, string Text, int Line);

public sealed record EmergencyPlan(string Title, string ResponseMarkdown, int Line);
