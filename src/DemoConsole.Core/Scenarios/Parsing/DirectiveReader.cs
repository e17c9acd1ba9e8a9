using System.Collections.ObjectModel;
using System.Text.RegularExpressions;
using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Messages;
using Markdig.Syntax;
using YamlDotNet.RepresentationModel;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>
/// Reads <c>demo-action</c>, <c>demo-panel</c> and <c>demo-view</c> fenced blocks. One instance per parse: ids must be unique
/// across the whole scenario because the API addresses actions by id.
/// </summary>
internal sealed partial class DirectiveReader(MarkdownSource source, ProblemList problems)
{
    private static readonly string[] ActionKeys = ["id", "kind", "title", "expect"];
    private static readonly string[] PanelKeys = ["id", "kind", "title", "url", "fallback"];
    private static readonly string[] ViewKeys = ["id", "kind", "title"];

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

    public static bool IsDirective(FencedCodeBlock fence) =>
        fence.Info is MarkerWords.ActionFence or MarkerWords.PanelFence or MarkerWords.ViewFence;

    /// <summary>
    /// Warns about a fence that looks like a misspelt directive ("demo-actions", "Demo-Panel"): it would
    /// silently become a command card and the button would be missing on stage.
    /// </summary>
    public void CheckNearMiss(FencedCodeBlock fence)
    {
        if (fence.Info is { } info && !IsDirective(fence) && info.StartsWith("demo", StringComparison.OrdinalIgnoreCase))
        {
            problems.Warning(source.LineOf(fence), new UiMessage("Scenario_NearMissFence", info, MarkerWords.ActionFence, MarkerWords.PanelFence, MarkerWords.ViewFence));
        }
    }

    /// <summary>The action or panel of a directive fence, or null when it is invalid (problems reported).</summary>
    public ScenarioBlock? Read(FencedCodeBlock fence, int? part)
    {
        var line = source.LineOf(fence);
        var isAction = fence.Info == MarkerWords.ActionFence;
        var isView = fence.Info == MarkerWords.ViewFence;
        var what = new UiMessage("Scenario_Block", fence.Info);
        var yaml = YamlBlock.TryLoad(fence.Lines.ToString(), line + 1, what, problems);
        if (yaml is null)
        {
            return null;
        }

        var fields = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var parameterLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var valid = true;
        foreach (var (key, value, keyLine) in yaml.Entries())
        {
            var known = isAction ? ActionKeys : isView ? ViewKeys : PanelKeys;
            if (known.Contains(key))
            {
                var scalar = YamlBlock.Scalar(value);
                if (scalar is null)
                {
                    problems.Error(keyLine, new UiMessage("Scenario_SingleValue", what, key));
                    valid = false;
                    continue;
                }

                fields[key] = (scalar.Trim(), keyLine);
            }
            else if (isAction || isView)
            {
                YamlBlock.Flatten(key, value, parameters);
                parameterLines[key] = keyLine;
            }
            else
            {
                problems.Warning(keyLine, new UiMessage("Scenario_PanelUnknownKey", what, key));
            }
        }

        foreach (var required in new[] { "id", "kind", "title" }.Concat(isAction || isView ? [] : ["url"]))
        {
            if (!fields.TryGetValue(required, out var field) || field.Value.Length == 0)
            {
                problems.Error(line, new UiMessage("Scenario_Missing", what, required));
                valid = false;
            }
        }

        if (fields.TryGetValue("id", out var id) && id.Value.Length > 0 && !CheckId(id.Value, id.Line, what))
        {
            valid = false;
        }

        return isAction ? ReadAction(fields, parameters, parameterLines, part, line, valid, what)
            : isView ? ReadView(fields, parameters, part, line, valid, what)
            : ReadPanel(fields, part, line, valid, what);
    }

    private ViewBlock? ReadView(Dictionary<string, (string Value, int Line)> fields, SortedDictionary<string, string> parameters, int? part, int line, bool valid, UiMessage what)
    {
        if (fields.TryGetValue("kind", out var kind) && kind.Value.Length > 0 && !ViewKinds.Known.Contains(kind.Value))
        {
            problems.Error(kind.Line, new UiMessage("Scenario_UnknownViewKind", what, kind.Value, string.Join(", ", ViewKinds.Known.Order(StringComparer.Ordinal))));
            valid = false;
        }

        string[] needs = kind.Value switch
        {
            ViewKinds.Logs => ["namespace", "selector", "container"],
            ViewKinds.RolloutHistory => ["namespace", "deployment"],
            _ => [],
        };
        foreach (var required in needs.Where(r => valid && !parameters.ContainsKey(r)))
        {
            problems.Error(line, new UiMessage("Scenario_ViewNeeds", what, kind.Value, required));
            valid = false;
        }

        if (valid && parameters.TryGetValue("filter", out var filter) && !RegexText.IsValid(filter))
        {
            problems.Error(line, new UiMessage("Scenario_InvalidFilter", what, filter));
            valid = false;
        }

        if (valid && kind.Value == ViewKinds.GoldenSignals && parameters.TryGetValue("window", out var window) && !ViewKinds.Windows.ContainsKey(window))
        {
            problems.Error(line, new UiMessage("Scenario_InvalidWindow", what, window));
            valid = false;
        }

        return valid
            ? new ViewBlock(line, new ViewDefinition(fields["id"].Value, kind.Value, fields["title"].Value, part, new ReadOnlyDictionary<string, string>(parameters), line))
            : null;
    }


    private ActionBlock? ReadAction(
        Dictionary<string, (string Value, int Line)> fields,
        SortedDictionary<string, string> parameters,
        Dictionary<string, int> parameterLines,
        int? part,
        int line,
        bool valid,
        UiMessage what)
    {
        var (kind, kindLine) = fields.TryGetValue("kind", out var kindField) ? kindField : ("", line);
        var descriptor = ActionKindCatalog.Find(kind);
        if (kind.Length > 0 && descriptor is null)
        {
            problems.Warning(kindLine, new UiMessage("Scenario_UnknownActionKind", what, kind, string.Join(", ", ActionKindCatalog.Names.Order(StringComparer.Ordinal))));
        }

        string? expect = null;
        if (fields.TryGetValue("expect", out var expectField))
        {
            expect = expectField.Value;
            if (!ExpectPattern().IsMatch(expect))
            {
                problems.Warning(expectField.Line, new UiMessage("Scenario_InvalidExpect", what, expect));
            }
        }

        if (!valid)
        {
            return null;
        }

        var action = new ActionDefinition(fields["id"].Value, kind, fields["title"].Value, part, new ReadOnlyDictionary<string, string>(parameters), expect, line);

        // Warnings, not errors: the author learns of a typo at lint time, and a kind that grows a parameter never makes
        // an existing scenario unloadable. The handler reads the same descriptor, so the two cannot disagree.
        foreach (var (parameter, problem) in descriptor?.Problems(action) ?? [])
        {
            var at = parameter is not null && parameterLines.TryGetValue(parameter.Split('.')[0], out var l) ? l : line;
            problems.Warning(at, new UiMessage("Scenario_Prefixed", what, problem));
        }

        return new ActionBlock(line, action);
    }

    private PanelBlock? ReadPanel(Dictionary<string, (string Value, int Line)> fields, int? part, int line, bool valid, UiMessage what)
    {
        var kind = PanelKind.Url;
        if (fields.TryGetValue("kind", out var kindField) && kindField.Value.Length > 0
            && !Enum.TryParse(kindField.Value, ignoreCase: true, out kind))
        {
            problems.Error(kindField.Line, new UiMessage("Scenario_UnknownPanelKind", what, kindField.Value));
            valid = false;
        }

        Uri? url = null;
        if (fields.TryGetValue("url", out var urlField) && urlField.Value.Length > 0
            && (!Uri.TryCreate(urlField.Value, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Error(urlField.Line, new UiMessage("Scenario_PanelUrl", what, urlField.Value));
            valid = false;
        }

        var fallback = fields.TryGetValue("fallback", out var fallbackField) && fallbackField.Value.Length > 0 ? fallbackField.Value : null;
        return valid && url is not null
            ? new PanelBlock(line, new PanelDefinition(fields["id"].Value, kind, fields["title"].Value, url, part, line) { Fallback = fallback })
            : null;
    }

    private bool CheckId(string id, int line, UiMessage what)
    {
        if (!IdPattern().IsMatch(id))
        {
            problems.Error(line, new UiMessage("Scenario_InvalidId", what, id));
            return false;
        }

        if (_ids.TryGetValue(id, out var firstLine))
        {
            problems.Error(line, new UiMessage("Scenario_DuplicateId", what, id, firstLine));
            return false;
        }

        _ids[id] = line;
        return true;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^\s*(?:\d{3}|[1-5]xx)\s*>=\s*\d{1,3}(?:\.\d+)?\s*%\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ExpectPattern();
}
