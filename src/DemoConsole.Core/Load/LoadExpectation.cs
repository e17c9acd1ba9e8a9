using System.Globalization;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Load;

/// <summary>
/// "At least <see cref="MinimumShare"/> of finished requests got a status in
/// [<see cref="MinStatus"/>, <see cref="MaxStatus"/>]", for example at least 95% are 405.
/// Requests that got no response (errors) count in the denominator; dropped starts do not.
/// </summary>
public sealed record LoadExpectation(int MinStatus, int MaxStatus, double MinimumShare)
{
    /// <summary>At least <paramref name="minimumShare"/> (0..1] of responses have exactly <paramref name="statusCode"/>.</summary>
    public static LoadExpectation Status(int statusCode, double minimumShare = 0.95) =>
        new(statusCode, statusCode, minimumShare);

    /// <summary>At least <paramref name="minimumShare"/> of responses are in a class, e.g. 2 for 2xx.</summary>
    public static LoadExpectation StatusClass(int statusClass, double minimumShare = 0.95) =>
        new(statusClass * 100, (statusClass * 100) + 99, minimumShare);

    /// <summary>For example <c>≥ 95% of responses are 405</c>, for a screen in its language.</summary>
    public UiMessage Text => new("Load_Expectation", MinimumShare * 100, StatusText);

    /// <summary><see cref="Text"/> in English: logs, the command line's summary, the run's result.</summary>
    public string Description => Text.ToString();

    private string StatusText => MinStatus == MaxStatus
        ? MinStatus.ToString(CultureInfo.InvariantCulture)
        : MinStatus % 100 == 0 && MaxStatus == MinStatus + 99
            ? string.Create(CultureInfo.InvariantCulture, $"{MinStatus / 100}xx")
            : string.Create(CultureInfo.InvariantCulture, $"{MinStatus}-{MaxStatus}");

    /// <summary>Whether a status code counts as matching.</summary>
    public bool Matches(int statusCode) => statusCode >= MinStatus && statusCode <= MaxStatus;

    /// <summary>Checks the expectation against status counts and the number of finished requests.</summary>
    public ExpectationOutcome Evaluate(IReadOnlyDictionary<int, long> statusCounts, long finished)
    {
        long matching = 0;
        foreach (var (status, count) in statusCounts)
        {
            if (Matches(status))
            {
                matching += count;
            }
        }

        var share = finished == 0 ? 0 : (double)matching / finished;
        // Nothing finished means nothing was shown to hold: that is a fail, not a vacuous pass.
        var passed = finished > 0 && share >= MinimumShare;
        return new ExpectationOutcome(this, matching, finished, share, passed);
    }
}
