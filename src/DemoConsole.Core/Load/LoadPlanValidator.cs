using System.Globalization;
using DemoConsole.Core.Messages;

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
    public static IReadOnlyList<UiMessage> Validate(LoadPlan? plan, LoadCaps caps) =>
        TryResolve(plan, caps, out _);

    internal static IReadOnlyList<UiMessage> TryResolve(LoadPlan? plan, LoadCaps caps, out ResolvedPlan? resolved)
    {
        resolved = null;
        if (plan is null)
        {
            return [new UiMessage("Load_NoPlan")];
        }

        var problems = new List<UiMessage>();
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

    private static Uri? CheckTarget(LoadPlan plan, LoadCaps caps, List<UiMessage> problems)
    {
        var target = plan.Target;
        if (target is null || !target.IsAbsoluteUri
            || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add(new UiMessage("Load_TargetNotAbsolute", target?.ToString()));
            return null;
        }

        if (!caps.IsAllowed(target))
        {
            object allowed = caps.AllowedTargets.Count == 0 ? new UiMessage("Load_NoTargetAllowed") : string.Join(", ", caps.AllowedTargets);
            problems.Add(new UiMessage("Load_TargetNotAllowed", target.GetLeftPart(UriPartial.Authority), allowed));
        }

        var path = plan.Path ?? string.Empty;
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal)
            || path.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || path.Contains('#', StringComparison.Ordinal))
        {
            problems.Add(new UiMessage("Load_InvalidPath", path));
            return null;
        }

        var requestUri = new Uri(target, path);
        // A path can never move the request to another origin: the allow-list is about origins.
        return requestUri.GetLeftPart(UriPartial.Authority) == target.GetLeftPart(UriPartial.Authority) ? requestUri : null;
    }

    private static HttpMethod? CheckMethod(string? method, List<UiMessage> problems)
    {
        var upper = method?.Trim().ToUpperInvariant();
        if (upper is null || !HttpMethods.Allowed.Contains(upper))
        {
            problems.Add(new UiMessage("Load_InvalidMethod", method, string.Join(", ", HttpMethods.Allowed)));
            return null;
        }

        return new HttpMethod(upper);
    }

    private static TimeSpan? CheckPacing(LoadPlan plan, LoadCaps caps, List<UiMessage> problems)
    {
        var minInterval = TimeSpan.FromSeconds(1 / caps.MaxRate);
        switch (plan.Model)
        {
            case LoadModel.Open:
                ForbidInterval(plan, problems);
                if (plan.Rate is not { } rate)
                {
                    problems.Add(new UiMessage("Load_OpenNeedsRate"));
                    return null;
                }

                if (!double.IsFinite(rate) || rate <= 0)
                {
                    // As given (NaN, Infinity): not a figure to format.
                    problems.Add(new UiMessage("Load_RateNotPositive", rate.ToString(CultureInfo.InvariantCulture)));
                    return null;
                }

                if (rate > caps.MaxRate)
                {
                    problems.Add(new UiMessage("Load_RateOverCap", rate, caps.MaxRate));
                    return null;
                }

                return TimeSpan.FromTicks(Math.Max(1, (long)(TimeSpan.TicksPerSecond / rate)));
            case LoadModel.Sequence or LoadModel.Steady:
                if (plan.Rate is not null)
                {
                    problems.Add(new UiMessage("Load_IntervalNotRate", Name(plan.Model)));
                }

                if (plan.Interval is not { } interval)
                {
                    problems.Add(new UiMessage("Load_NeedsInterval", Name(plan.Model)));
                    return null;
                }

                if (interval <= TimeSpan.Zero)
                {
                    problems.Add(new UiMessage("Load_IntervalNotPositive", interval.TotalMilliseconds));
                    return null;
                }

                if (interval < minInterval || interval > caps.MaxDuration)
                {
                    problems.Add(new UiMessage(
                        "Load_IntervalOutOfRange", interval.TotalMilliseconds, minInterval.TotalMilliseconds, caps.MaxRate, caps.MaxDuration.TotalSeconds));
                    return null;
                }

                return interval;
            case LoadModel.Closed:
                ForbidInterval(plan, problems);
                if (plan.Rate is not null)
                {
                    problems.Add(new UiMessage("Load_ClosedNoRate"));
                }

                return null;
            default:
                problems.Add(new UiMessage("Load_UnknownModel", plan.Model.ToString()));
                return null;
        }
    }

    private static void ForbidInterval(LoadPlan plan, List<UiMessage> problems)
    {
        if (plan.Interval is not null)
        {
            problems.Add(new UiMessage("Load_IntervalNotApplicable", Name(plan.Model)));
        }
    }

    private static long? CheckAmount(LoadPlan plan, LoadCaps caps, TimeSpan? period, List<UiMessage> problems)
    {
        if (plan.Model == LoadModel.Steady)
        {
            if (plan.Count is not null || plan.Duration is not null)
            {
                problems.Add(new UiMessage("Load_SteadyNoAmount"));
            }

            return null;
        }

        if (plan.Count is not null && plan.Duration is not null)
        {
            problems.Add(new UiMessage("Load_CountOrDuration"));
            return null;
        }

        if (plan.Model == LoadModel.Sequence && plan.Duration is not null)
        {
            problems.Add(new UiMessage("Load_SequenceNoDuration"));
            return null;
        }

        if (plan.Count is { } count)
        {
            if (count <= 0 || count > caps.MaxRequests)
            {
                problems.Add(new UiMessage("Load_CountOutOfRange", count, caps.MaxRequests));
                return null;
            }

            if (period is { } p && p * (count - 1) > caps.MaxDuration)
            {
                problems.Add(new UiMessage("Load_SequenceTooLong", count, p.TotalMilliseconds, caps.MaxDuration.TotalSeconds));
            }

            return count;
        }

        if (plan.Duration is not { } duration)
        {
            problems.Add(new UiMessage("Load_NeedsAmount", Name(plan.Model)));
            return null;
        }

        if (duration <= TimeSpan.Zero || duration > caps.MaxDuration)
        {
            problems.Add(new UiMessage("Load_DurationOutOfRange", duration.TotalSeconds, caps.MaxDuration.TotalSeconds));
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
            problems.Add(new UiMessage("Load_PlannedOverCap", planned, caps.MaxRequests));
        }

        return planned;
    }

    private static int CheckMaxInFlight(LoadPlan plan, LoadCaps caps, List<UiMessage> problems)
    {
        if (plan.MaxInFlight is { } max && (max <= 0 || max > caps.MaxInFlight))
        {
            problems.Add(new UiMessage("Load_InFlightOutOfRange", max, caps.MaxInFlight));
        }

        return plan.MaxInFlight ?? caps.MaxInFlight;
    }

    private static int CheckConnections(LoadPlan plan, int maxInFlight, List<UiMessage> problems)
    {
        if (plan.Connections is { } connections)
        {
            if (connections <= 0 || connections > maxInFlight)
            {
                problems.Add(new UiMessage("Load_ConnectionsOutOfRange", connections, maxInFlight));
            }

            return connections;
        }

        return Math.Max(1, Math.Min(maxInFlight, plan.Model == LoadModel.Closed ? DefaultClosedConnections : DefaultOpenConnections));
    }

    private static void CheckTimeout(LoadPlan plan, LoadCaps caps, List<UiMessage> problems)
    {
        if (plan.Timeout <= TimeSpan.Zero || plan.Timeout > caps.MaxTimeout)
        {
            problems.Add(new UiMessage("Load_TimeoutOutOfRange", plan.Timeout.TotalMilliseconds, caps.MaxTimeout.TotalSeconds));
        }
    }

    private static void CheckExpectation(LoadExpectation? expectation, List<UiMessage> problems)
    {
        if (expectation is null)
        {
            return;
        }

        if (expectation.MinStatus < 100 || expectation.MaxStatus > 599 || expectation.MaxStatus < expectation.MinStatus)
        {
            problems.Add(new UiMessage("Load_ExpectedStatusRange", expectation.MinStatus, expectation.MaxStatus));
        }

        if (!(expectation.MinimumShare > 0 && expectation.MinimumShare <= 1))
        {
            problems.Add(new UiMessage("Load_ExpectedShareRange", expectation.MinimumShare));
        }
    }

    private static string Name(LoadModel model) => model.ToString().ToLowerInvariant();
}
