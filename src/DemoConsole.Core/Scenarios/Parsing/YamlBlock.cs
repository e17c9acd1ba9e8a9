using DemoConsole.Core.Messages;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>
/// A YAML mapping embedded in the Markdown file (front matter, directive blocks), with its position in the
/// file, so every problem in it can be reported on the file's own line numbers.
/// </summary>
internal sealed class YamlBlock
{
    private readonly int _firstLine;

    private YamlBlock(YamlMappingNode root, int firstLine)
    {
        Root = root;
        _firstLine = firstLine;
    }

    public YamlMappingNode Root { get; }

    /// <summary>Parses <paramref name="yaml"/> whose first line is line <paramref name="firstLine"/> of the file.</summary>
    public static YamlBlock? TryLoad(string yaml, int firstLine, UiMessage what, ProblemList problems)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            {
                problems.Error(firstLine, new UiMessage("Scenario_YamlEmpty", what));
                return null;
            }

            if (stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                problems.Error(firstLine, new UiMessage("Scenario_YamlNotMapping", what));
                return null;
            }

            return new YamlBlock(root, firstLine);
        }
        catch (YamlException ex)
        {
            // Errors found at the end of the text (an unclosed bracket) point past the last line; the
            // author's mistake is on a line of the block, so clamp to it.
            var lastLine = firstLine + Math.Max(0, yaml.TrimEnd().Split('\n').Length - 1);
            var line = Math.Min(lastLine, firstLine + (int)Math.Max(0, ex.Start.Line - 1));
            problems.Error(line, new UiMessage("Scenario_YamlInvalid", what, FirstSentence(ex)));
            return null;
        }
#pragma warning disable CA1031 // YamlDotNet's scanner throws InvalidOperationException on some truncated input (found by fuzzing).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            problems.Error(firstLine, new UiMessage("Scenario_YamlInvalidType", what, ex.GetType().Name));
            return null;
        }
    }

    public int LineOf(YamlNode node) => _firstLine + (int)Math.Max(0, node.Start.Line - 1);

    public IEnumerable<(string Key, YamlNode Value, int Line)> Entries()
    {
        foreach (var (key, value) in Root.Children)
        {
            yield return (key is YamlScalarNode scalar ? scalar.Value ?? "" : key.ToString(), value, LineOf(key));
        }
    }

    public static string? Scalar(YamlNode node) => node is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>
    /// Flattens a parameter value to text: lists become "a, b", maps become dotted keys ("headers.Accept").
    /// Kinds read their parameters as text, so the model stays a plain string dictionary.
    /// </summary>
    public static void Flatten(string key, YamlNode node, IDictionary<string, string> into)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                into[key] = scalar.Value ?? "";
                break;
            case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                into[key] = string.Join(", ", sequence.Children.Select(c => ((YamlScalarNode)c).Value ?? ""));
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Flatten($"{key}.{i}", sequence.Children[i], into);
                }

                break;
            case YamlMappingNode mapping:
                foreach (var (childKey, childValue) in mapping.Children)
                {
                    Flatten($"{key}.{Scalar(childKey) ?? childKey.ToString()}", childValue, into);
                }

                break;
            default:
                into[key] = node.ToString();
                break;
        }
    }

    private static string FirstSentence(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 1, Idx: 20) - (...): "; the line is reported separately.
        var message = ex.InnerException?.Message ?? ex.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith('(') ? message[(marker + 3)..] : message;
    }
}
