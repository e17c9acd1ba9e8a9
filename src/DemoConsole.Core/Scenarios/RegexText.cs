using System.Text.RegularExpressions;

namespace DemoConsole.Core.Scenarios;

/// <summary>Checks a pattern typed by a person (a scenario's log filter, the presenter's filter box) before it is used.</summary>
public static class RegexText
{
    public static bool IsValid(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
