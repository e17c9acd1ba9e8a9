using System.Text;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Tests.Scenarios;

/// <summary>
/// A runbook is edited live while the console runs, so half-written files are normal input. The parser has a
/// last-resort catch; these tests make sure it is never needed, on truncated and randomly mangled files.
/// </summary>
public sealed class ScenarioParserFuzzTests
{
    private static readonly string[] Fragments =
    [
        "```", "```demo-action\n", "```demo-panel\n", "> ", "# ", "## ", "### 1부: ", "### Part 0: ", "**", "**스크립트**:", "---\n",
        "- [ ] ", "1. **", "id: x\n", "kind: pod-kill\n", "url: http://\n", "title: [", ": :", "\t", "\r\n", "\n\n", "{", "}", "\u0000", "가",
    ];

    public static TheoryData<string> Sources => new() { "seed", "english-full.md", "bad-directives.md", "bad-front-matter.md" };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Parse_EveryTruncation_NeverFails(string source)
    {
        var text = Read(source);
        var step = Math.Max(1, text.Length / 400);
        for (var length = 0; length <= text.Length; length += step)
        {
            AssertWellFormed(text[..length]);
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Parse_RandomMutations_NeverFail(string source)
    {
        var text = Read(source);
        var random = new Random(source.Length);
        for (var round = 0; round < 150; round++)
        {
            var builder = new StringBuilder(text);
            for (var edit = 0; edit < 8; edit++)
            {
                var at = random.Next(builder.Length + 1);
                switch (random.Next(3))
                {
                    case 0:
                        builder.Insert(at, Fragments[random.Next(Fragments.Length)]);
                        break;
                    case 1 when at < builder.Length:
                        builder.Remove(at, Math.Min(random.Next(1, 40), builder.Length - at));
                        break;
                    default:
                        builder.Insert(at, (char)random.Next(0, 0xD7FF));
                        break;
                }
            }

            AssertWellFormed(builder.ToString());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("---")]
    [InlineData("---\n")]
    [InlineData("---\n---\n")]
    [InlineData("---\n- a\n- b\n---\n# T")]
    [InlineData("```demo-action")]
    [InlineData("## Scenario\n### 1부:\n```demo-action\n- 1\n```")]
    [InlineData("### Part 99999999999999999999: big")]
    [InlineData("```demo-action\nid: a\nid: b\n```")]
    [InlineData("```demo-panel\nid: &a x\nkind: *a\n```")]
    public void Parse_EdgeCases_NeverFail(string markdown) => AssertWellFormed(markdown);

    private static string Read(string source) => source == "seed" ? TestFiles.ReadSeed() : TestFiles.ReadFixture(source);

    private static void AssertWellFormed(string markdown)
    {
        var result = ScenarioParser.Parse(markdown, "fuzz.md");
        var lines = markdown.Split('\n').Length;
        Assert.DoesNotContain(result.Problems, p => p.Message.StartsWith("internal parser failure", StringComparison.Ordinal));
        Assert.All(result.Problems, p => Assert.InRange(p.Line, 1, lines + 1));
        Assert.Equal(result.Scenario is not null, result.Succeeded);
        Assert.Equal(result.Scenario is null, result.Problems.Any(p => p.Severity == ProblemSeverity.Error));
    }
}
