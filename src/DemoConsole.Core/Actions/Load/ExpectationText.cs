using System.Globalization;
using System.Text.RegularExpressions;
using DemoConsole.Core.Load;

namespace DemoConsole.Core.Actions.Load;

/// <summary>Reads a scenario's <c>expect:</c> value such as <c>405 >= 95%</c> or <c>2xx >= 99.5%</c>.</summary>
public static partial class ExpectationText
{
    public static bool TryParse(string? text, out LoadExpectation? expectation)
    {
        expectation = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var match = Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var share = double.Parse(match.Groups["percent"].Value, CultureInfo.InvariantCulture) / 100;
        if (share is <= 0 or > 1)
        {
            return false;
        }

        var status = match.Groups["status"].Value;
        expectation = status.EndsWith("xx", StringComparison.OrdinalIgnoreCase)
            ? LoadExpectation.StatusClass(status[0] - '0', share)
            : LoadExpectation.Status(int.Parse(status, CultureInfo.InvariantCulture), share);
        return true;
    }

    [GeneratedRegex(@"^\s*(?<status>[1-5](\d\d|xx|XX))\s*>=\s*(?<percent>\d+(\.\d+)?)\s*%\s*$")]
    private static partial Regex Pattern();
}
