using System.Globalization;

namespace DemoConsole.Benchmarks.Load;

/// <summary>Prints figures as they come and collects goal checks for a closing summary table.</summary>
internal sealed class BenchReport
{
    private readonly List<(string Goal, string Figure, bool Met)> _checks = [];

    public bool AllMet => _checks.All(c => c.Met);

    public static void Section(string title)
    {
        Console.WriteLine();
        Console.WriteLine("== " + title);
    }

    public static void Line(FormattableString text) => Console.WriteLine("  " + text.ToString(CultureInfo.InvariantCulture));

    public void Check(string goal, bool met, FormattableString figure)
    {
        var text = figure.ToString(CultureInfo.InvariantCulture);
        _checks.Add((goal, text, met));
        Console.WriteLine($"  [{(met ? "met" : "NOT MET")}] {goal}: {text}");
    }

    public void PrintSummary()
    {
        Console.WriteLine();
        Console.WriteLine("| Goal | Figure | Met |");
        Console.WriteLine("|---|---|---|");
        foreach (var (goal, figure, met) in _checks)
        {
            Console.WriteLine($"| {goal} | {figure} | {(met ? "yes" : "no")} |");
        }
    }
}
