namespace DemoConsole.Core.Pipeline;

/// <summary>
/// How long to wait before the next poll: the configured interval, stretched so the polls left in the rate-limit
/// window last until it resets (with a reserve for the demo commit itself), or until the reset when nothing is left.
/// </summary>
internal static class RatePacing
{
    public static TimeSpan Next(TimeSpan interval, int requestsPerPoll, int? remaining, DateTimeOffset? reset, DateTimeOffset now)
    {
        if (remaining is not { } left || reset is not { } resetAt)
        {
            return interval;
        }

        var window = resetAt - now;
        if (window <= TimeSpan.Zero)
        {
            return interval;
        }

        var reserve = Math.Max(10, requestsPerPoll * 2);
        if (left <= reserve)
        {
            return window > interval ? window : interval;
        }

        var paced = window * Math.Max(1, requestsPerPoll) / (left - reserve);
        return paced > interval ? paced : interval;
    }
}
