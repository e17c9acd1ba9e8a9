using DemoConsole.Core.Messages;
using Markdig.Syntax;

namespace DemoConsole.Core.Scenarios.Parsing;

/// <summary>Reads "예상 질문 및 답변 / Expected questions": every ### heading a question, the text below it the answer.</summary>
internal static class QuestionReader
{
    public static IEnumerable<QuestionAnswer> Read(IEnumerable<Block> blocks, ParseContext context)
    {
        var ids = new UniqueIds();
        foreach (var group in HeadingGroups.Split(blocks, maxLevel: 3))
        {
            if (group.Heading is null)
            {
                // Text before the first question is an introduction, not an answer to anything.
                continue;
            }

            var text = MarkdownSource.PlainText(group.Heading);
            var hasNumber = MarkerWords.TryParseQuestionHeading(text, out var number, out var question);
            var id = ids.Claim(hasNumber ? $"q{number}" : Slug.From(question, "q"));
            var answer = context.Collector.Collect(group.Blocks, Label.Script);
            var line = context.Source.LineOf(group.Heading);
            if (answer.Length == 0)
            {
                context.Problems.Warning(line, new UiMessage("Scenario_QuestionNoAnswer", question));
            }

            yield return new QuestionAnswer(id, question, answer, line);
        }
    }
}
