using DemoConsole.Core.Load;

namespace DemoConsole.Core.Tests.Load;

public sealed class LatencyTimelineTests : LoadTargetTestBase
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1_000)]
    [InlineData(123_456)]
    [InlineData(59_000_000)]
    public void Buckets_OneLatency_ComesBackWithinTheBucketWidth(long micros)
    {
        var buckets = new LatencyBuckets();
        buckets.Record(TimeSpan.FromMicroseconds(micros));

        var p50 = buckets.At(50)!.Value.TotalMicroseconds;

        // Four buckets per doubling: the middle of a bucket is within 12.5 % of anything in it.
        Assert.InRange(p50, micros * 0.875, micros * 1.125);
    }

    [Fact]
    public void Buckets_Percentiles_SplitFastAndSlowAnswers()
    {
        var buckets = new LatencyBuckets();
        for (var i = 0; i < 98; i++)
        {
            buckets.Record(TimeSpan.FromMilliseconds(2));
        }

        buckets.Record(TimeSpan.FromMilliseconds(800));
        buckets.Record(TimeSpan.FromMilliseconds(900));

        Assert.InRange(buckets.At(50)!.Value.TotalMilliseconds, 1.75, 2.25);
        Assert.InRange(buckets.At(99)!.Value.TotalMilliseconds, 700, 1_000);
        Assert.Null(new LatencyBuckets().At(50));
    }

    [Fact]
    public void Timeline_SecondsWithoutAnswers_HaveNoLatency_AndOldSecondsGoWithTheirLatencies()
    {
        var timeline = new TimelineCounter(maxSeconds: 2);
        timeline.AddLatency(0, TimeSpan.FromMilliseconds(5));
        timeline.Add(1, TimelineCounter.Started);
        timeline.AddLatency(2, TimeSpan.FromMilliseconds(40));

        var seconds = timeline.ToList();

        Assert.Equal([1, 2], seconds.Select(s => s.Second));
        Assert.Null(seconds[0].P50);
        Assert.InRange(seconds[1].P99!.Value.TotalMilliseconds, 35, 45);
    }

    [Fact]
    public async Task Run_EverySecondWithAnswers_HasTheirLatencies()
    {
        var plan = new LoadPlan { Target = Target.BaseAddress, Path = "/blog/", Model = LoadModel.Closed, Connections = 2, Duration = TimeSpan.FromMilliseconds(1_200) };

        var result = await Started(SystemEngine().Start(plan)).FinishedAsync();

        var answered = result.Snapshot.Timeline.Where(s => s.Completed > 0).ToList();
        Assert.True(answered.Count >= 2, $"answers in {answered.Count} second(s)");
        Assert.Equal(result.Snapshot.Completed, answered.Sum(s => s.Completed));
        Assert.All(answered, s => Assert.True(s.P50 is { } p50 && s.P99 is { } p99 && p50 > TimeSpan.Zero && p50 <= p99));
        Assert.All(result.Snapshot.Timeline.Where(s => s.Completed == 0), s => Assert.Null(s.P50));
    }
}
