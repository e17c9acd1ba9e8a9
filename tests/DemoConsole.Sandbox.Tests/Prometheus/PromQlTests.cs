using DemoConsole.Sandbox.Metrics;
using DemoConsole.Sandbox.Prometheus;
using DemoConsole.Sandbox.Prometheus.PromQl;

namespace DemoConsole.Sandbox.Tests.Prometheus;

/// <summary>The PromQL subset: parsing, Prometheus 2.42's evaluation rules, and named refusals outside the subset.</summary>
public sealed class PromQlTests
{
    private const long T0 = 1_700_000_000_000;
    private readonly SampleStore _store = new(1000, TimeSpan.FromHours(1));

    [Fact]
    public void Rate_SteadyCounter_ExtrapolatesToTheWindowLikePrometheus()
    {
        // Samples every 10 s from t=10 s to 60 s: 2, 7, …, 27. Increase 25 over 50 s sampled; the start gap (10 s) is
        // under 1.1 × the 10 s spacing, but the counter's zero point (50 s × 2/25 = 4 s before) is nearer, so the
        // increase is extrapolated over 54 s: 27, rate 27/60.
        for (var i = 1; i <= 6; i++)
        {
            Scrape(T0 + (i * 10_000), ("requests_total", (5.0 * i) - 3, []));
        }

        Assert.Equal(27.0 / 60, Instant("rate(requests_total[1m])", T0 + 60_000), 12);
        Assert.Equal(27, Instant("increase(requests_total[1m])", T0 + 60_000), 12);
        Assert.Equal(0.5, Instant("irate(requests_total[1m])", T0 + 60_000), 12);
    }

    [Fact]
    public void Rate_CounterReset_AddsTheValueBeforeTheReset()
    {
        Scrape(T0, ("c_total", 10, []));
        Scrape(T0 + 10_000, ("c_total", 20, []));
        Scrape(T0 + 20_000, ("c_total", 5, []));

        Assert.Equal(15, Instant("increase(c_total[20s])", T0 + 20_000), 12);
    }

    [Fact]
    public void HistogramQuantile_ClassicBuckets_InterpolatesInsideTheBucket()
    {
        Scrape(T0, ("d_bucket", 10, [("le", "5")]), ("d_bucket", 90, [("le", "10")]), ("d_bucket", 100, [("le", "+Inf")]));

        Assert.Equal(5 + (5 * (50.0 - 10) / 80), Instant("histogram_quantile(0.5, d_bucket)", T0), 12);
        Assert.Equal(10, Instant("histogram_quantile(0.99, d_bucket)", T0), 12);
        Assert.True(double.IsPositiveInfinity(Instant("histogram_quantile(2, d_bucket)", T0)));
    }

    [Fact]
    public void Selectors_FourMatcherOps_FilterSeries()
    {
        Scrape(T0, ("r", 1, [("code", "200")]), ("r", 2, [("code", "404")]), ("r", 3, [("code", "503")]));

        Assert.Equal(1, Instant("sum(r{code=\"200\"})", T0));
        Assert.Equal(5, Instant("sum(r{code!=\"200\"})", T0));
        Assert.Equal(3, Instant("sum(r{code=~\"5..\"})", T0));
        Assert.Equal(3, Instant("sum(r{code!~\"5.*\"})", T0));
        Assert.Equal(2, Instant("count(r{code=~\"2..|4..\"})", T0));
    }

    [Fact]
    public void Aggregations_ByAndWithout_GroupAndDropTheName()
    {
        Scrape(T0, ("m", 1, [("a", "x"), ("b", "1")]), ("m", 3, [("a", "x"), ("b", "2")]), ("m", 10, [("a", "y"), ("b", "1")]));

        var byA = Vector("sum by (a) (m)", T0);
        Assert.Equal(4, byA[LabelSet.Of(("a", "x"))]);
        Assert.Equal(10, byA[LabelSet.Of(("a", "y"))]);
        Assert.Equal(2, Vector("avg without (b) (m)", T0)[LabelSet.Of(("a", "x"))]);
        Assert.Equal(10, Vector("max(m) by (b)", T0)[LabelSet.Of(("b", "1"))]);
        Assert.Equal(1, Vector("min(m) by (b)", T0)[LabelSet.Of(("b", "1"))]);
    }

    [Fact]
    public void VectorArithmetic_OneToOne_MatchesOnSignatureAndOnLabels()
    {
        Scrape(T0, ("errors", 2, [("svc", "a"), ("pod", "1")]), ("total", 8, [("svc", "a"), ("pod", "1")]), ("total", 4, [("svc", "b"), ("pod", "1")]));

        Assert.Equal(0.25, Vector("errors / total", T0)[LabelSet.Of(("svc", "a"), ("pod", "1"))]);
        Assert.Equal(0.25, Vector("errors / on(svc) total", T0)[LabelSet.Of(("svc", "a"))]);
        Assert.Equal(0.25, Vector("errors / ignoring(pod) total", T0)[LabelSet.Of(("svc", "a"))]);
        Assert.Single(Vector("total > 5", T0));
        Assert.Equal("total", Vector("total > 5", T0).Keys.Single().Name);
        Assert.Equal(2, Vector("total > bool 5", T0).Count);
        Assert.Equal(1, Vector("sum(total) / 12 == bool 1", T0)[LabelSet.Empty]);
        Assert.Equal(0, Vector("sum(nothing) or vector(0)", T0)[LabelSet.Empty]);
        Assert.Equal(-4, Instant("-2 ^ 2", T0));
        Assert.Equal(7, Instant("1 + 2 * 3", T0));
    }

    [Fact]
    public void RangeQuery_Steps_CollatesSeriesAndOmitsMissingPoints()
    {
        Scrape(T0, ("g", 1, []));
        Scrape(T0 + 10_000, ("g", 2, []), ("h", 5, [("x", "1")]));

        var series = new Evaluator(_store).Range(Parser.Parse("g or h"), T0, T0 + 10_000, 5_000);

        Assert.Equal(2, series.Count);
        Assert.Equal([1, 1, 2], series.Single(s => s.Labels.Name == "g").Points.Select(p => p.Value));
        Assert.Single(series.Single(s => s.Labels.Name == "h").Points);
    }

    [Fact]
    public void Staleness_SeriesGoneFromTheScrape_HasNoValueAfterwards()
    {
        Scrape(T0, ("p", 1, [("pod", "a")]), ("p", 1, [("pod", "b")]));
        Scrape(T0 + 5_000, ("p", 1, [("pod", "a")]));

        Assert.Equal(2, Instant("count(p)", T0 + 1_000));
        Assert.Equal(1, Instant("count(p)", T0 + 6_000));
    }

    [Theory]
    [InlineData("topk(3, up)", "aggregation \"topk\"")]
    [InlineData("rate(up[5m] offset 1m)", "offset")]
    [InlineData("rate(up[5m:1m])", "subquery")]
    [InlineData("a / on(x) group_left b", "group_left")]
    [InlineData("label_replace(up, \"a\", \"b\", \"c\", \"d\")", "function \"label_replace\"")]
    [InlineData("quantile(0.9, up)", "aggregation \"quantile\"")]
    public void Parse_OutsideTheSubset_NamesWhatIsUnsupported(string query, string named)
    {
        var error = Assert.Throws<PromQlException>(() => Parser.Parse(query));

        Assert.Equal("bad_data", error.ErrorType);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("not supported", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sum(rate(x[5m])")]
    [InlineData("1 > 2")]
    [InlineData("rate(x)")]
    [InlineData("{job=~\".*\"}")]
    [InlineData("x{a=}")]
    [InlineData("")]
    public void Parse_InvalidPromQl_IsAParseError(string query)
    {
        var error = Assert.Throws<PromQlException>(() => Parser.Parse(query));

        Assert.Equal("bad_data", error.ErrorType);
    }

    [Theory]
    [InlineData(0.05, "0.05")]
    [InlineData(12.4, "12.4")]
    [InlineData(1e-7, "1e-07")]
    [InlineData(1e21, "1e+21")]
    [InlineData(100, "100")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "+Inf")]
    public void GoFloat_Sample_FormatsLikeGo(double value, string expected) => Assert.Equal(expected, GoFloat.Sample(value));

    [Theory]
    [InlineData(0.12, "1.2e-01")]
    [InlineData(1, "1e+00")]
    [InlineData(375, "3.75e+02")]
    public void GoFloat_Exponent_FormatsAlertValuesLikeGo(double value, string expected) => Assert.Equal(expected, GoFloat.Exponent(value));

    private double Instant(string query, long time)
    {
        var value = new Evaluator(_store).Instant(Parser.Parse(query), time);
        return value.Kind == ValueKind.Scalar ? value.Scalar : Assert.Single(value.Vector!).Value;
    }

    private Dictionary<LabelSet, double> Vector(string query, long time) =>
        new Evaluator(_store).Instant(Parser.Parse(query), time).Vector!.ToDictionary(s => s.Labels, s => s.Value);

    private void Scrape(long time, params (string Name, double Value, (string, string)[] Labels)[] samples) =>
        _store.AppendScrape("test", samples.Select(s => new MetricSample(LabelSet.Of(s.Labels).With(LabelSet.MetricName, s.Name), s.Value)), time);
}
