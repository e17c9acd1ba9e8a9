using System.Collections.ObjectModel;
using System.Text.RegularExpressions;
using DemoConsole.Core.Actions.Kinds;
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
            problems.Warning(source.LineOf(fence), $"fenced block '{info}' is shown as a command; did you mean '{MarkerWords.ActionFence}', '{MarkerWords.PanelFence}' or '{MarkerWords.ViewFence}'?");
        }
    }

    /// <summary>The action or panel of a directive fence, or null when it is invalid (problems reported).</summary>
    public ScenarioBlock? Read(FencedCodeBlock fence, int? part)
    {
        var line = source.LineOf(fence);
        var isAction = fence.Info == MarkerWords.ActionFence;
        var isView = fence.Info == MarkerWords.ViewFence;
        var what = $"{fence.Info} block";
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
                    problems.Error(keyLine, $"{what}: '{key}' must be a single value");
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
                problems.Warning(keyLine, $"{what}: unknown key '{key}' is ignored (a panel has id, kind, title, url and fallback)");
            }
        }

        foreach (var required in new[] { "id", "kind", "title" }.Concat(isAction || isView ? [] : ["url"]))
        {
            if (!fields.TryGetValue(required, out var field) || field.Value.Length == 0)
            {
                problems.Error(line, $"{what}: missing '{required}'");
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

    private ViewBlock? ReadView(Dictionary<string, (string Value, int Line)> fields, SortedDictionary<string, string> parameters, int? part, int line, bool valid, string what)
    {
        if (fields.TryGetValue("kind", out var kind) && kind.Value.Length > 0 && !ViewKinds.Known.Contains(kind.Value))
        {
            problems.Error(kind.Line, $"{what}: unknown view kind '{kind.Value}' (known: {string.Join(", ", ViewKinds.Known.Order(StringComparer.Ordinal))})");
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
            problems.Error(line, $"{what}: a {kind.Value} view needs '{required}'");
            valid = false;
        }

        if (valid && parameters.TryGetValue("filter", out var filter) && !RegexText.IsValid(filter))
        {
            problems.Error(line, $"{what}: filter '{filter}' is not a valid regular expression");
            valid = false;
        }

        if (valid && kind.Value == ViewKinds.GoldenSignals && parameters.TryGetValue("window", out var window) && !ViewKinds.Windows.ContainsKey(window))
        {
            problems.Error(line, $"{what}: window '{window}' must be one of 5m, 15m, 60m");
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
        string what)
    {
        var (kind, kindLine) = fields.TryGetValue("kind", out var kindField) ? kindField : ("", line);
        var descriptor = ActionKindCatalog.Find(kind);
        if (kind.Length > 0 && descriptor is null)
        {
            problems.Warning(kindLine, $"{what}: unknown action kind '{kind}' (known: {string.Join(", ", ActionKindCatalog.Names.Order(StringComparer.Ordinal))}); its button stays disabled");
        }

        string? expect = null;
        if (fields.TryGetValue("expect", out var expectField))
        {
            expect = expectField.Value;
            if (!ExpectPattern().IsMatch(expect))
            {
                problems.Warning(expectField.Line, $"{what}: expect '{expect}' is not of the form 'STATUS >= PERCENT%' (for example '200 >= 95%')");
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
            problems.Warning(at, $"{what}: {problem}");
        }

        return new ActionBlock(line, action);
    }

    private PanelBlock? ReadPanel(Dictionary<string, (string Value, int Line)> fields, int? part, int line, bool valid, string what)
    {
        var kind = PanelKind.Url;
        if (fields.TryGetValue("kind", out var kindField) && kindField.Value.Length > 0
            && !Enum.TryParse(kindField.Value, ignoreCase: true, out kind))
        {
            problems.Error(kindField.Line, $"{what}: unknown panel kind '{kindField.Value}' (use grafana, kiali or url)");
            valid = false;
        }

        Uri? url = null;
        if (fields.TryGetValue("url", out var urlField) && urlField.Value.Length > 0
            && (!Uri.TryCreate(urlField.Value, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            problems.Error(urlField.Line, $"{what}: url '{urlField.Value}' must be an absolute http or https URL");
            valid = false;
        }

        var fallback = fields.TryGetValue("fallback", out var fallbackField) && fallbackField.Value.Length > 0 ? fallbackField.Value : null;
        return valid && url is not null
            ? new PanelBlock(line, new PanelDefinition(fields["id"].Value, kind, fields["title"].Value, url, part, line) { Fallback = fallback })
            : null;
    }

    private bool CheckId(string id, int line, string what)
    {
        if (!IdPattern().IsMatch(id))
        {
            problems.Error(line, $"{what}: id '{id}' may only contain letters, digits, '-', '_' and '.' (it is used in URLs)");
            return false;
        }

        if (_ids.TryGetValue(id, out var firstLine))
        {
            problems.Error(line, $"{what}: duplicate id '{id}' (first declared on line {firstLine})");
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
