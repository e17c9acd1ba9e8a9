using System.Globalization;

namespace DemoConsole.Core.Load;

/// <summary>
/// Checks a <see cref="LoadPlan"/> against <see cref="LoadCaps"/> and reports every problem at once, so the
/// presenter fixes a scenario in one go. Never throws for bad input.
/// </summary>
public static class LoadPlanValidator
{
    private const int DefaultOpenConnections = 64;
    private const int DefaultClosedConnections = 10;


    /// <summary>Every problem with <paramref name="plan"/>; empty when it may run.</summary>
    public static IReadOnlyList<string> Validate(LoadPlan? plan, LoadCaps caps) =>
        TryResolve(plan, caps, out _);

    internal static IReadOnlyList<string> TryResolve(LoadPlan? plan, LoadCaps caps, out ResolvedPlan? resolved)
    {
        resolved = null;
        if (plan is null)
        {
            return ["no load plan was given"];
        }

        var problems = new List<string>();
        var requestUri = CheckTarget(plan, caps, problems);
        var method = CheckMethod(plan.Method, problems);
        var period = CheckPacing(plan, caps, problems);
        var total = CheckAmount(plan, caps, period, problems);
        var maxInFlight = CheckMaxInFlight(plan, caps, problems);
        var connections = CheckConnections(plan, maxInFlight, problems);
        CheckTimeout(plan, caps, problems);
        CheckExpectation(plan.Expectation, problems);

        if (problems.Count == 0 && requestUri is not null && method is not null)
        {
            resolved = new ResolvedPlan(
                plan, requestUri, method, plan.Model, period, total, plan.Duration,
                connections, maxInFlight, plan.Timeout, plan.Expectation);
        }

        return problems;
    }

    private static Uri? CheckTarget(LoadPlan plan, LoadCaps caps, List<string> problems)
    {
        var target = plan.Target;
        if (target is null || !target.IsAbsoluteUri
            || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"target '{target}' must be an absolute http or https URI");
            return null;
        }

        if (!caps.IsAllowed(target))
        {
            var allowed = caps.AllowedTargets.Count == 0 ? "none" : string.Join(", ", caps.AllowedTargets);
            problems.Add($"target {target.GetLeftPart(UriPartial.Authority)} is not an allowed target (allowed: {allowed})");
        }

        var path = plan.Path ?? string.Empty;
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal)
            || path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || path.Contains('#', StringComparison.Ordinal))
        {
            problems.Add($"path '{path}' must start with a single '/' and contain no spaces, control characters or '#'");
            return null;
        }

        var requestUri = new Uri(target, path);
        // A path can never move the request to another origin: the allow-list is about origins.
        return requestUri.GetLeftPart(UriPartial.Authority) == target.GetLeftPart(UriPartial.Authority) ? requestUri : null;
    }

    private static HttpMethod? CheckMethod(string? method, List<string> problems)
    {
        var upper = method?.Trim().ToUpperInvariant();
        if (upper is null || !HttpMethods.Allowed.Contains(upper))
        {
            problems.Add($"method '{method}' is not one of {string.Join(", ", HttpMethods.Allowed)}");
            return null;
        }

        return new HttpMethod(upper);
    }

    private static TimeSpan? CheckPacing(LoadPlan plan, LoadCaps caps, List<string> problems)
    {
        var minInterval = TimeSpan.FromSeconds(1 / caps.MaxRate);
        switch (plan.Model)
        {
            case LoadModel.Open:
                ForbidInterval(plan, problems);
                if (plan.Rate is not { } rate)
                {
                    problems.Add("an open-model run needs a rate (requests per second)");
                    return null;
                }

                if (!double.IsFinite(rate) || rate <= 0)
                {
                    problems.Add(Invariant($"rate {rate}/s must be a positive number"));
                    return null;
                }

                if (rate > caps.MaxRate)
                {
                    problems.Add(Invariant($"rate {rate}/s exceeds the cap of {caps.MaxRate}/s"));
                    return null;
                }

                return TimeSpan.FromTicks(Math.Max(1, (long)(TimeSpan.TicksPerSecond / rate)));
            case LoadModel.Sequence or LoadModel.Steady:
                if (plan.Rate is not null)
                {
                    problems.Add($"a {Name(plan.Model)} run is paced by an interval, not a rate");
                }

                if (plan.Interval is not { } interval)
                {
                    problems.Add($"a {Name(plan.Model)} run needs an interval");
                    return null;
                }

                if (interval <= TimeSpan.Zero)
                {
                    problems.Add(Invariant($"interval {interval.TotalMilliseconds} ms must be greater than zero"));
                    return null;
                }

                if (interval < minInterval || interval > caps.MaxDuration)
                {
                    problems.Add(Invariant(
                        $"interval {interval.TotalMilliseconds} ms must be between {minInterval.TotalMilliseconds} ms (the rate cap of {caps.MaxRate}/s) and {caps.MaxDuration.TotalSeconds} s"));
                    return null;
                }

                return interval;
            case LoadModel.Closed:
                ForbidInterval(plan, problems);
                if (plan.Rate is not null)
                {
                    problems.Add("a closed-model run sends as fast as responses return; it takes connections, not a rate");
                }

                return null;
            default:
                problems.Add($"model '{plan.Model}' is not a load model");
                return null;
        }
    }

    private static void ForbidInterval(LoadPlan plan, List<string> problems)
    {
        if (plan.Interval is not null)
        {
            problems.Add($"an interval applies to sequence and steady runs, not to a {Name(plan.Model)} run");
        }
    }

    private static long? CheckAmount(LoadPlan plan, LoadCaps caps, TimeSpan? period, List<string> problems)
    {
        if (plan.Model == LoadModel.Steady)
        {
            if (plan.Count is not null || plan.Duration is not null)
            {
                problems.Add("a steady run goes on until stopped; it takes neither a count nor a duration");
            }

            return null;
        }

        if (plan.Count is not null && plan.Duration is not null)
        {
            problems.Add("give either a count or a duration, not both");
            return null;
        }

        if (plan.Model == LoadModel.Sequence && plan.Duration is not null)
        {
            problems.Add("a sequence run takes a count, not a duration");
            return null;
        }

        if (plan.Count is { } count)
        {
            if (count <= 0 || count > caps.MaxRequests)
            {
                problems.Add(Invariant($"count {count} must be between 1 and the cap of {caps.MaxRequests}"));
                return null;
            }

            if (period is { } p && p * (count - 1) > caps.MaxDuration)
            {
                problems.Add(Invariant(
                    $"{count} requests {p.TotalMilliseconds} ms apart take longer than the cap of {caps.MaxDuration.TotalSeconds} s"));
            }

            return count;
        }

        if (plan.Duration is not { } duration)
        {
            problems.Add($"a {Name(plan.Model)} run needs a count or a duration");
            return null;
        }

        if (duration <= TimeSpan.Zero || duration > caps.MaxDuration)
        {
            problems.Add(Invariant(
                $"duration {duration.TotalSeconds} s must be greater than zero and at most the cap of {caps.MaxDuration.TotalSeconds} s"));
            return null;
        }

        if (period is not { } interval)
        {
            // A closed run is paced by the target's answers, so nothing but the request cap bounds how many it
            // sends: it ends at its duration or at the cap, whichever comes first.
            return plan.Model == LoadModel.Closed ? caps.MaxRequests : null;
        }

        var planned = (long)Math.Ceiling(duration.Ticks / (double)interval.Ticks);
        if (planned > caps.MaxRequests)
        {
            problems.Add(Invariant($"rate × duration is {planned} requests, more than the cap of {caps.MaxRequests}"));
        }

        return planned;
    }

    private static int CheckMaxInFlight(LoadPlan plan, LoadCaps caps, List<string> problems)
    {
        if (plan.MaxInFlight is { } max && (max <= 0 || max > caps.MaxInFlight))
        {
            problems.Add(Invariant($"max in flight {max} must be between 1 and the cap of {caps.MaxInFlight}"));
        }

        return plan.MaxInFlight ?? caps.MaxInFlight;
    }

    private static int CheckConnections(LoadPlan plan, int maxInFlight, List<string> problems)
    {
        if (plan.Connections is { } connections)
        {
            if (connections <= 0 || connections > maxInFlight)
            {
                problems.Add(Invariant($"connections {connections} must be between 1 and the in-flight limit of {maxInFlight}"));
            }

            return connections;
        }

        return Math.Max(1, Math.Min(maxInFlight, plan.Model == LoadModel.Closed ? DefaultClosedConnections : DefaultOpenConnections));
    }

    private static void CheckTimeout(LoadPlan plan, LoadCaps caps, List<string> problems)
    {
        if (plan.Timeout <= TimeSpan.Zero || plan.Timeout > caps.MaxTimeout)
        {
            problems.Add(Invariant(
                $"timeout {plan.Timeout.TotalMilliseconds} ms must be greater than zero and at most the cap of {caps.MaxTimeout.TotalSeconds} s"));
        }
    }

    private static void CheckExpectation(LoadExpectation? expectation, List<string> problems)
    {
        if (expectation is null)
        {
            return;
        }

        if (expectation.MinStatus < 100 || expectation.MaxStatus > 599 || expectation.MaxStatus < expectation.MinStatus)
        {
            problems.Add($"expected status {expectation.MinStatus}-{expectation.MaxStatus} is not a range of HTTP status codes (100-599)");
        }

        if (!(expectation.MinimumShare > 0 && expectation.MinimumShare <= 1))
        {
            problems.Add(Invariant($"expected share {expectation.MinimumShare} must be greater than 0 and at most 1 (100%)"));
        }
    }

    private static string Name(LoadModel model) => model.ToString().ToLowerInvariant();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
