using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DemoConsole.Web.Components.Controls;

/// <summary>
/// Markdown from the scenario as HTML that can only show text: raw HTML is escaped (DisableHtml), and a link or image
/// whose address is not http(s), mailto or relative loses its address, so a <c>javascript:</c> or <c>data:</c> link
/// in a scenario can never run on a presenter's or the audience's screen.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .DisableHtml()
        .Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsSafe(l.Url)))
        {
            link.Url = "";
        }

        foreach (var link in document.Descendants<AutolinkInline>().Where(l => !l.IsEmail && !IsSafe(l.Url)))
        {
            link.Url = "";
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url)
    {
        var text = url?.Trim() ?? "";
        if (text.Length == 0 || text.StartsWith('#') || text.StartsWith('/') || text.StartsWith("./", StringComparison.Ordinal))
        {
            return true;
        }

        // A relative address has no scheme; anything with one must be an allowed scheme (browsers ignore case and
        // control characters in schemes, so the check is on the parsed URI, never on a prefix).
        return !Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? !text.Contains(':', StringComparison.Ordinal)
            : uri.Scheme is "http" or "https" or "mailto";
    }
}
