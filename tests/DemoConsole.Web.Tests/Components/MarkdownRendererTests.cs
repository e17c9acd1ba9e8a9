using AngleSharp.Html.Parser;
using DemoConsole.Web.Components.Controls;

namespace DemoConsole.Web.Tests.Components;

/// <summary>Scenario Markdown can only ever show text: each case here fails if one guard of the renderer is removed.</summary>
public sealed class MarkdownRendererTests
{
    [Theory]
    [InlineData("<script>window.pwned = 1</script>", "script")]
    [InlineData("Hello <img src=x onerror=\"window.pwned = 1\"> there", "img")]
    [InlineData("<iframe src=\"https://example.invalid\"></iframe>", "iframe")]
    [InlineData("<a href=\"javascript:window.pwned=1\">click</a>", "a")]
    public void ToHtml_RawHtml_IsShownAsTextNotElements(string markdown, string element)
    {
        var html = MarkdownRenderer.ToHtml(markdown);
        var document = new HtmlParser().ParseDocument(html);

        Assert.Empty(document.Body!.QuerySelectorAll(element));
        Assert.Contains("<", document.Body.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[click](javascript:window.pwned=1)")]
    [InlineData("[click](JaVaScRiPt:window.pwned=1)")]
    [InlineData("[click]( javascript:window.pwned=1)")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("![img](javascript:window.pwned=1)")]
    [InlineData("<javascript:window.pwned=1>")]
    public void ToHtml_LinkWithAnUnsafeScheme_LosesItsAddress(string markdown)
    {
        var document = new HtmlParser().ParseDocument(MarkdownRenderer.ToHtml(markdown));

        Assert.All(document.QuerySelectorAll("a[href], img[src]"), e =>
        {
            var address = e.GetAttribute("href") ?? e.GetAttribute("src") ?? "";
            Assert.DoesNotContain(":", address, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("[Grafana](https://grafana.example/d/golden)", "https://grafana.example/d/golden")]
    [InlineData("[README](https://github.com/DvwN-Lee/Monitoring-v2)", "https://github.com/DvwN-Lee/Monitoring-v2")]
    [InlineData("[appendix](#appendix)", "#appendix")]
    [InlineData("[part 3](/present/3)", "/present/3")]
    public void ToHtml_OrdinaryLinks_KeepTheirAddress(string markdown, string href)
    {
        var document = new HtmlParser().ParseDocument(MarkdownRenderer.ToHtml(markdown));

        Assert.Equal(href, document.QuerySelector("a")!.GetAttribute("href"));
    }
}
