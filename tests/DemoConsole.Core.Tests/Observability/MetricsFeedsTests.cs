using DemoConsole.Core.Messages;
using DemoConsole.Core.Observability;
using DemoConsole.Core.Scenarios;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Observability;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace DemoConsole.Core.Tests.Observability;

/// <summary>The shared poll loops: the queries Prometheus sees depend on what is on show, never on how many screens show it.</summary>
public sealed class MetricsFeedsTests
{
    private const int GoldenSignalQueries = 9;

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-03-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly CountingMetricsClient _client = new();

    private MetricsFeeds Feeds() => new(_client, new TestScenarioSource(TestScenarios.ThreeParts()), _time, NullLoggerFactory.Instance);

    [Theory]
    [InlineData(1)]
    [InlineData(21)]
    public async Task WatchGoldenSignalsAsync_ManyScreens_OneRoundOfQueriesPerRefresh(int screens)
    {
        await using var feeds = Feeds();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, screens).Select(_ => new LatestReader<GoldenSignalsSnapshot>(feeds.WatchGoldenSignalsAsync(TimeSpan.FromMinutes(15), stop.Token))).ToList();

        await AsyncWait.UntilAsync(() => readers.All(r => r.Latest?.Version >= 1), "every screen to get the first round");
        Assert.Equal(GoldenSignalQueries, _client.Calls);

        await AdvanceUntilAsync(() => readers.All(r => r.Latest?.Version >= 2), "every screen to get the second round");
        Assert.Equal(2 * GoldenSignalQueries, _client.Calls);
        Assert.Equal(1, feeds.FeedCount);

        await stop.CancelAsync();
        await Task.WhenAll(readers.Select(r => r.Done));
    }

    [Fact]
    public async Task WatchGoldenSignalsAsync_LastScreenLeaves_PollingStops()
    {
        await using var feeds = Feeds();
        using (var stop = new CancellationTokenSource())
        {
            var reader = new LatestReader<GoldenSignalsSnapshot>(feeds.WatchGoldenSignalsAsync(TimeSpan.FromMinutes(5), stop.Token));
            await AsyncWait.UntilAsync(() => reader.Latest?.Version >= 1, "the first round");
            await stop.CancelAsync();
            await reader.Done;
        }

        var calls = _client.Calls;
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(calls, _client.Calls);
    }

    [Fact]
    public async Task WatchGoldenSignalsAsync_PrometheusDownThenBack_ReportsDownThenRecoversWithoutANewSubscription()
    {
        await using var feeds = Feeds();
        _client.Range = _ => MetricsResult.Fail<IReadOnlyList<MetricSeries>>(MetricsErrorKind.Unreachable, UiMessage.Verbatim("refused"));
        using var stop = new CancellationTokenSource();
        var reader = new LatestReader<GoldenSignalsSnapshot>(feeds.WatchGoldenSignalsAsync(TimeSpan.FromMinutes(5), stop.Token));
        await AsyncWait.UntilAsync(() => reader.Latest?.Health.State == MetricsState.Down, "the down state");

        _client.Range = _ => MetricsResult.Ok<IReadOnlyList<MetricSeries>>([]);
        await AdvanceUntilAsync(() => reader.Latest?.Health.State == MetricsState.Up, "recovery");
        Assert.Null(reader.Latest!.P95.Value);
        Assert.Equal(SignalLevel.NoData, reader.Latest.P95.Level);

        await stop.CancelAsync();
        await reader.Done;
    }

    [Fact]
    public async Task WatchGoldenSignalsAsync_OneQueryRefused_OthersStillShowAndTheProblemIsNamed()
    {
        await using var feeds = Feeds();
        _client.Range = q => q.Contains("0.95", StringComparison.Ordinal)
            ? MetricsResult.Fail<IReadOnlyList<MetricSeries>>(MetricsErrorKind.BadQuery, new UiMessage("Metrics_QueryRefused", "bad_data", "parse error"))
            : MetricsResult.Ok<IReadOnlyList<MetricSeries>>([new MetricSeries(new Dictionary<string, string> { ["destination_service_name"] = "prod-blog-service" }, [new MetricPoint(_time.GetUtcNow(), 2)])]);
        using var stop = new CancellationTokenSource();
        var reader = new LatestReader<GoldenSignalsSnapshot>(feeds.WatchGoldenSignalsAsync(TimeSpan.FromMinutes(5), stop.Token));
        await AsyncWait.UntilAsync(() => reader.Latest?.Version >= 1, "a round");

        var snapshot = reader.Latest!;
        Assert.Equal(MetricsState.Up, snapshot.Health.State);
        Assert.Contains("parse error", snapshot.QueryProblems[MetricQueries.LatencyP95]?.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, snapshot.TotalRps);

        await stop.CancelAsync();
        await reader.Done;
    }

    /// <summary>
    /// Moves the fake clock in small steps until <paramref name="done"/>: the loop registers its delay just after it
    /// publishes, so one big step taken at the wrong moment could land before the delay exists.
    /// </summary>
    private Task AdvanceUntilAsync(Func<bool> done, string what) => AsyncWait.UntilAsync(() =>
    {
        if (done())
        {
            return true;
        }

        _time.Advance(TimeSpan.FromMilliseconds(100));
        return false;
    }, what);

    /// <summary>Reads a stream in the background and keeps the newest item: one "screen".</summary>
    private sealed class LatestReader<T>
        where T : class
    {
        private T? _latest;

        public LatestReader(IAsyncEnumerable<T> stream) => Done = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in stream)
                {
                    Volatile.Write(ref _latest, item);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        public T? Latest => Volatile.Read(ref _latest);

        public Task Done { get; }
    }
}
