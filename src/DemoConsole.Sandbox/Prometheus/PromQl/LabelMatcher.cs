using System.Text.RegularExpressions;

namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>
/// One label matcher. Regexes are fully anchored like Prometheus's (<c>^(?:re)$</c>); an absent label matches as "".
/// </summary>
internal sealed class LabelMatcher
{
    private readonly Regex? _regex;

    public LabelMatcher(string name, MatchOp op, string value)
    {
        Name = name;
        Op = op;
        Value = value;
        if (op is MatchOp.Regex or MatchOp.NotRegex)
        {
            try
            {
                _regex = new Regex($"^(?:{value})$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new PromQlException($"invalid regular expression {Quote(value)}: {e.Message}");
            }
        }
    }

    public string Name { get; }

    public MatchOp Op { get; }

    public string Value { get; }

    public bool Matches(string value) => Op switch
    {
        MatchOp.Equal => string.Equals(value, Value, StringComparison.Ordinal),
        MatchOp.NotEqual => !string.Equals(value, Value, StringComparison.Ordinal),
        MatchOp.Regex => _regex!.IsMatch(value),
        _ => !_regex!.IsMatch(value),
    };

    public override string ToString() => $"{Name}{OpText(Op)}{Quote(Value)}";

    public static string OpText(MatchOp op) => op switch
    {
        MatchOp.Equal => "=",
        MatchOp.NotEqual => "!=",
        MatchOp.Regex => "=~",
        _ => "!~",
    };

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
