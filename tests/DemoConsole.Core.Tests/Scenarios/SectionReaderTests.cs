using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Tests.Scenarios;

/// <summary>How blocks inside one part become script, commands, checks and notes.</summary>
public sealed class SectionReaderTests
{
    private static IReadOnlyList<ScenarioBlock> PartBlocks(params string[] lines)
    {
        var markdown = string.Join('\n', ["# T", "", "## Scenario", "", "### Part 1: P", "", .. lines]);
        var result = ScenarioParser.Parse(markdown, "inline");
        return result.Scenario?.FindPart(1)?.Section.Blocks
            ?? throw new InvalidOperationException(string.Join('\n', result.Problems));
    }

    [Fact]
    public void Read_ScriptLabelThenPlainParagraph_IsScript()
    {
        var blocks = PartBlocks("**Script**:", "", "\"Plain words.\"");

        Assert.Equal(new ScriptBlock(9, "\"Plain words.\""), Assert.Single(blocks));
    }

    [Fact]
    public void Read_QuoteWithoutScriptLabel_IsNoteKeepingItsMarkdown()
    {
        var blocks = PartBlocks("**Script**: hi", "", "Some text.", "", "> a quoted remark");

        Assert.Equal(new NoteBlock(11, null, "> a quoted remark"), blocks[^1]);
    }

    [Fact]
    public void Read_ConsecutiveQuotesAfterScriptLabel_AreAllScript()
    {
        var blocks = PartBlocks("**스크립트**:", "> first", "", "> second");

        Assert.Equal(["first", "second"], blocks.OfType<ScriptBlock>().Select(s => s.Markdown));
    }

    [Fact]
    public void Read_ChecksLabelWithoutList_KeepsTheLabelAsHeading()
    {
        var blocks = PartBlocks("**Script**: hi", "", "**Checks**:", "", "Look at the graph.");

        Assert.Equal(new NoteBlock(9, "Checks", "Look at the graph."), blocks[^1]);
    }

    [Fact]
    public void Read_LabelWithUnderscoresAndRemark_HeadsTheNextNote()
    {
        var blocks = PartBlocks("**Script**: hi", "", "**response_code** (Grafana):", "- 404", "- 405");

        Assert.Equal(new NoteBlock(9, "response_code (Grafana)", "- 404\n- 405"), blocks[^1]);
    }

    [Fact]
    public void Read_BoldWordsInSentence_AreNotALabel()
    {
        var blocks = PartBlocks("**Script**: hi", "", "**Grafana** shows the errors quickly.");

        Assert.Equal(new NoteBlock(9, null, "**Grafana** shows the errors quickly."), blocks[^1]);
    }

    [Fact]
    public void Read_StepWithNestedScriptAndCommand_KeepsDocumentOrder()
    {
        var blocks = PartBlocks(
            "1. **Break it**:",
            "   - watch the panel",
            "",
            "   ```bash",
            "   curl -X DELETE http://127.0.0.1/blog/",
            "   ```",
            "",
            "   **Script**:",
            "   > \"Now it fails.\"");

        Assert.Collection(
            blocks,
            b => Assert.Equal(new NoteBlock(7, "Break it", "- watch the panel"), b),
            b => Assert.Equal(new CommandBlock(10, "bash", "curl -X DELETE http://127.0.0.1/blog/"), b),
            b => Assert.Equal(new ScriptBlock(15, "\"Now it fails.\""), b));
    }

    [Fact]
    public void Read_IndentedCodeBlock_IsCommandWithoutLanguage()
    {
        var blocks = PartBlocks("**Script**: hi", "", "    kubectl get pods");

        Assert.Equal(new CommandBlock(9, "", "kubectl get pods"), blocks[^1]);
    }

    [Fact]
    public void Parse_MisspeltDirectiveFence_IsCommandWithWarning()
    {
        var result = ScenarioParser.Parse("# T\n\n## Scenario\n\n### Part 1: P\n\n**Script**: hi\n\n```demo-actions\nid: x\n```\n", "inline");

        var problem = Assert.Single(result.Problems);
        Assert.Equal((9, ProblemSeverity.Warning), (problem.Line, problem.Severity));
        Assert.Contains("did you mean 'demo-action'", problem.Message, StringComparison.Ordinal);
        Assert.IsType<CommandBlock>(result.Scenario?.FindPart(1)?.Section.Blocks[^1]);
    }
}
