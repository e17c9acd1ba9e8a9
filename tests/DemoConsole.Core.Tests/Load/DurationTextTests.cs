using DemoConsole.Core.Load;

namespace DemoConsole.Core.Tests.Load;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("10s", 10_000)]
    [InlineData("500ms", 500)]
    [InlineData("1.5m", 90_000)]
    [InlineData("1h", 3_600_000)]
    public void TryParse_DurationWithUnit_Parses(string text, double milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(milliseconds, duration.TotalMilliseconds);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("fast")]
    [InlineData("")]
    [InlineData("1e300h")]
    public void TryParse_NoUnitOrNotANumber_Refuses(string text) => Assert.False(DurationText.TryParse(text, out _));
}
