using DemoConsole.Core.Pipeline;

namespace DemoConsole.Core.Tests.Pipeline;

public sealed class PipelineUnitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("+    newTag: 1a2b3c4", "1a2b3c4")]
    [InlineData("+  - image: docker.io/dvwnlee/titanium-user-service:v2.0.3", "v2.0.3")]
    [InlineData("+  tag: \"1.4.2\"", "1.4.2")]
    [InlineData("-    newTag: v2.0.2", null)]
    [InlineData(" # Demo commit", null)]
    public void FromPatches_AddedLines_FindTheTag(string line, string? expected) =>
        Assert.Equal(expected, ImageTags.FromPatches([$"@@ -1,1 +1,1 @@\n{line}"]));

    [Fact]
    public void Next_PlentyLeft_UsesTheInterval() =>
        Assert.Equal(TimeSpan.FromSeconds(5), RatePacing.Next(TimeSpan.FromSeconds(5), 3, 4000, Now.AddMinutes(30), Now));

    [Fact]
    public void Next_FewLeft_StretchesSoTheyLastUntilTheReset() =>
        Assert.Equal(TimeSpan.FromSeconds(60), RatePacing.Next(TimeSpan.FromSeconds(5), 2, 70, Now.AddMinutes(30), Now));

    [Fact]
    public void Next_NoneLeft_WaitsForTheReset() =>
        Assert.Equal(TimeSpan.FromMinutes(30), RatePacing.Next(TimeSpan.FromSeconds(5), 2, 3, Now.AddMinutes(30), Now));

    [Fact]
    public void Options_ToString_NeverShowsTheToken()
    {
        var options = new GitHubOptions { Token = "github_pat_secret" };

        Assert.DoesNotContain("secret", options.ToString(), StringComparison.Ordinal);
        Assert.Equal(new Uri("https://api.github.com/"), options.ApiBase);
        Assert.Equal(new Uri("https://ghe.example/api/v3/"), new GitHubOptions { Url = "https://ghe.example/some/path" }.ApiBase);
    }
}
