using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>
/// Evaluates a parsed expression over the <see cref="SampleStore"/> with Prometheus 2.x semantics (the version Debian
/// ships and the differential test runs): 5-minute lookback for instant selectors, closed range windows, staleness.
/// One instance per query: it caches the series each selector matched for every step of a range query.
/// </summary>
internal sealed class Evaluator(SampleStore store, double rangeScale = 1.0)
{
    public static readonly TimeSpan LookbackDelta = TimeSpan.FromMinutes(5);
    public const int MaxPoints = 11_000;

    private readonly Dictionary<VectorSelector, IReadOnlyList<(LabelSet Labels, SeriesBuffer Samples)>> _selected = [];
    private readonly LabelCache _labels = new();

    /// <summary>An instant query at <paramref name="time"/> (Unix ms).</summary>
    public QueryValue Instant(Expr expr, long time) => Evaluate(expr, time);

    /// <summary>A range query: the expression at start, start+step, … ≤ end, collated into series sorted by labels.</summary>
    public IReadOnlyList<Series> Range(Expr expr, long start, long end, long step)
    {
        if (expr.Type is not (ValueKind.Scalar or ValueKind.Vector))
        {
            throw new PromQlException($"invalid expression type \"{TypeCheck.Name(expr.Type)}\" for range query, must be Scalar or instant Vector");
        }

        var series = new Dictionary<LabelSet, List<Point>>();
        for (var t = start; t <= end; t += step)
        {
            var value = Evaluate(expr, t);
            var samples = value.Kind == ValueKind.Scalar ? [new Sample(LabelSet.Empty, value.Scalar)] : value.Vector!;
            foreach (var sample in samples)
            {
                if (!series.TryGetValue(sample.Labels, out var points))
                {
                    series[sample.Labels] = points = [];
                }

                points.Add(new Point(t, sample.Value));
            }
        }

        return series.OrderBy(kv => kv.Key).Select(kv => new Series(kv.Key, kv.Value)).ToList();
    }

    private QueryValue Evaluate(Expr expr, long time) => expr switch
    {
        NumberLiteral n => QueryValue.OfScalar(n.Value),
        StringLiteral s => QueryValue.OfString(s.Value),
        VectorSelector selector => QueryValue.OfVector(SelectInstant(selector, time)),
        MatrixSelector matrix => QueryValue.OfMatrix(SelectRange(matrix, time)),
        Unary unary => Negate(unary, Evaluate(unary.Operand, time)),
        Aggregate aggregate => QueryValue.OfVector(Aggregations.Apply(aggregate, Evaluate(aggregate.Inner, time).Vector!, _labels)),
        Binary binary => BinaryOps.Apply(binary, Evaluate(binary.Left, time), Evaluate(binary.Right, time), _labels),
        Call call => EvaluateCall(call, time),
        _ => throw PromQlException.Unsupported($"expression {expr.GetType().Name}"),
    };

    private QueryValue EvaluateCall(Call call, long time)
    {
        switch (call.Function)
        {
            case "rate" or "irate" or "increase":
                var matrix = (MatrixSelector)call.Args[0];
                var range = Scaled(matrix.Range);
                var output = new List<Sample>();
                foreach (var series in SelectRange(matrix, time))
                {
                    var value = call.Function == "irate"
                        ? RateFunctions.InstantRate(series.Points)
                        : RateFunctions.ExtrapolatedRate(series.Points, time - range, time, range, call.Function == "rate");
                    if (value is { } v)
                    {
                        output.Add(new Sample(_labels.WithoutName(series.Labels), v));
                    }
                }

                return QueryValue.OfVector(output);
            case "histogram_quantile":
                return QueryValue.OfVector(HistogramQuantile.Apply(Evaluate(call.Args[0], time).Scalar, Evaluate(call.Args[1], time).Vector!, _labels));
            case "vector":
                return QueryValue.OfVector([new Sample(LabelSet.Empty, Evaluate(call.Args[0], time).Scalar)]);
            case "scalar":
                var vector = Evaluate(call.Args[0], time).Vector!;
                return QueryValue.OfScalar(vector.Count == 1 ? vector[0].Value : double.NaN);
            case "time":
                return QueryValue.OfScalar(time / 1000.0);
            default:
                var scalars = call.Args.Skip(1).Select(a => Evaluate(a, time).Scalar).ToList();
                var math = Functions.Math(call.Function, scalars) ?? throw PromQlException.Unsupported($"function \"{call.Function}\"");
                if (call.Function == "clamp" && scalars[0] > scalars[1])
                {
                    return QueryValue.OfVector([]);
                }

                return QueryValue.OfVector(Evaluate(call.Args[0], time).Vector!.Select(s => new Sample(_labels.WithoutName(s.Labels), math(s.Value))).ToList());
        }
    }

    private QueryValue Negate(Unary unary, QueryValue value)
    {
        if (!unary.Negate)
        {
            return value;
        }

        return value.Kind == ValueKind.Scalar
            ? QueryValue.OfScalar(-value.Scalar)
            : QueryValue.OfVector(value.Vector!.Select(s => new Sample(_labels.WithoutName(s.Labels), -s.Value)).ToList());
    }

    private List<Sample> SelectInstant(VectorSelector selector, long time)
    {
        var output = new List<Sample>();
        foreach (var (labels, samples) in Select(selector))
        {
            if (samples.Latest(time - (long)LookbackDelta.TotalMilliseconds, time) is { } point)
            {
                output.Add(new Sample(labels, point.Value));
            }
        }

        return output;
    }

    private List<Series> SelectRange(MatrixSelector matrix, long time)
    {
        var output = new List<Series>();
        var range = Scaled(matrix.Range);
        foreach (var (labels, samples) in Select(matrix.Selector))
        {
            var points = new List<Point>();
            samples.Range(time - range, time, points);
            if (points.Count > 0)
            {
                output.Add(new Series(labels, points));
            }
        }

        return output;
    }

    private long Scaled(TimeSpan range) => Math.Max(1, (long)(range.TotalMilliseconds * rangeScale));

    private IReadOnlyList<(LabelSet Labels, SeriesBuffer Samples)> Select(VectorSelector selector)
    {
        if (!_selected.TryGetValue(selector, out var series))
        {
            _selected[selector] = series = store.Select(selector.Matchers);
        }

        return series;
    }
}
