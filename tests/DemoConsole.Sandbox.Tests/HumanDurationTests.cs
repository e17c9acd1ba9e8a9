using DemoConsole.Sandbox.Api.Tables;

namespace DemoConsole.Sandbox.Tests;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(5, "5s")]
    [InlineData(119, "119s")]
    [InlineData(150, "2m30s")]
    [InlineData(600, "10m")]
    [InlineData(3 * 3600 + 60, "3h1m")]
    [InlineData(20 * 3600, "20h")]
    [InlineData(52 * 3600, "2d4h")]
    [InlineData(12 * 86400, "12d")]
    public void Format_Duration_MatchesKubectlAge(int seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));
}
