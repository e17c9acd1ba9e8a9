using System.Globalization;
using DemoConsole.Core.Load;

namespace DemoConsole.Web.CommandLine;

/// <summary>Parses <c>burst</c> arguments, collecting every usage problem rather than stopping at the first.</summary>
internal static class BurstArguments
{
    /// <summary>The command's syntax, the same in every language.</summary>
    private const string Syntax =
        """
        usage: DemoConsole burst <url> [--rate R | --connections C | --interval I] [--count N | --duration D]
                                 [--method M] [--timeout T] [--expect CODE[:PERCENT]] [--json]
        """;

    /// <summary>Each option and the key of what it does.</summary>
    private static readonly (string Option, string Key)[] Options =
    [
        ("--rate R", "Burst_UsageRate"),
        ("--connections C", "Burst_UsageConnections"),
        ("--interval I", "Burst_UsageInterval"),
        ("--count N", "Burst_UsageCount"),
        ("--duration D", "Burst_UsageDuration"),
        ("--method M", "Burst_UsageMethod"),
        ("--timeout T", "Burst_UsageTimeout"),
        ("--expect E", "Burst_UsageExpect"),
        ("--json", "Burst_UsageJson"),
    ];

    /// <summary>The usage text in the command line's language (<see cref="CommandLineLanguage"/>).</summary>
    public static string Usage =>
        string.Join('\n', [Syntax, .. Options.Select(o => $"  {o.Option,-18}{CommandLineLanguage.Text(o.Key)}"),
            CommandLineLanguage.Text("Burst_UsageUnits"), CommandLineLanguage.Text("Burst_UsageCheck")]);

    /// <summary>The options, or null without a usable url; <paramref name="problems"/> gets every usage problem.</summary>
    public static BurstOptions? Parse(IReadOnlyList<string> args, List<string> problems)
    {
        Uri? url = null;
        double? rate = null;
        int? connections = null, count = null;
        TimeSpan? duration = null, interval = null, timeout = null;
        string method = "GET";
        LoadExpectation? expectation = null;
        var json = false;
        var urlProblem = false;

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var name = arg;
            string? inline = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains('=', StringComparison.Ordinal))
            {
                name = arg[..arg.IndexOf('=', StringComparison.Ordinal)];
                inline = arg[(name.Length + 1)..];
            }

            string? Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 < args.Count)
                {
                    return args[++i];
                }

                problems.Add(CommandLineLanguage.Text("Burst_NeedsValue", name));
                return null;
            }

            switch (name)
            {
                case "--json":
                    json = true;
                    break;
                case "--rate":
                    rate = ParseNumber(name, Value(), problems);
                    break;
                case "--connections":
                    connections = ParseInteger(name, Value(), problems);
                    break;
                case "--count":
                    count = ParseInteger(name, Value(), problems);
                    break;
                case "--duration":
                    duration = ParseDuration(name, Value(), problems);
                    break;
                case "--interval":
                    interval = ParseDuration(name, Value(), problems);
                    break;
                case "--timeout":
                    timeout = ParseDuration(name, Value(), problems);
                    break;
                case "--method":
                    method = Value() ?? method;
                    break;
                case "--expect":
                    expectation = ParseExpectation(Value(), problems);
                    break;
                default:
                    if (arg.StartsWith('-'))
                    {
                        problems.Add(CommandLineLanguage.Text("Burst_UnknownOption", arg));
                    }
                    else if (url is not null)
                    {
                        problems.Add(CommandLineLanguage.Text("Burst_OneUrl", arg));
                        urlProblem = true;
                    }
                    else if (!Uri.TryCreate(arg, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
                    {
                        problems.Add(CommandLineLanguage.Text("Burst_NotHttpUrl", arg));
                        url = null;
                        urlProblem = true;
                    }

                    break;
            }
        }

        var pacing = new[] { rate is not null, connections is not null, interval is not null }.Count(given => given);
        if (pacing > 1)
        {
            problems.Add(CommandLineLanguage.Text("Burst_OnePacing"));
        }

        if (url is null && !urlProblem)
        {
            problems.Add(CommandLineLanguage.Text("Burst_UrlRequired"));
        }

        // Options come back even with problems, so the caller can also report what the plan validator says.
        return url is null
            ? null
            : new BurstOptions(url, rate, connections, count, duration, method, interval, timeout ?? TimeSpan.FromSeconds(10), expectation, json);
    }

    private static double? ParseNumber(string name, string? text, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(CommandLineLanguage.Text("Burst_NotNumber", name, text));
        return null;
    }

    private static int? ParseInteger(string name, string? text, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add(CommandLineLanguage.Text("Burst_NotWholeNumber", name, text));
        return null;
    }

    private static TimeSpan? ParseDuration(string name, string? text, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var duration))
        {
            return duration;
        }

        problems.Add(CommandLineLanguage.Text("Burst_NotDuration", name, text));
        return null;
    }

    private static LoadExpectation? ParseExpectation(string? text, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(':');
        var share = 0.95;
        if (parts.Length > 2 || (parts.Length == 2 && !TryPercent(parts[1], out share)))
        {
            problems.Add(CommandLineLanguage.Text("Burst_BadExpect", text));
            return null;
        }

        var code = parts[0].Trim();
        if (code.Length == 3 && code.EndsWith("xx", StringComparison.OrdinalIgnoreCase) && code[0] is >= '1' and <= '5')
        {
            return LoadExpectation.StatusClass(code[0] - '0', share);
        }

        if (int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            return LoadExpectation.Status(status, share);
        }

        problems.Add(CommandLineLanguage.Text("Burst_BadExpect", text));
        return null;
    }

    private static bool TryPercent(string text, out double share)
    {
        var ok = double.TryParse(text.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent);
        share = percent / 100;
        return ok;
    }
}
