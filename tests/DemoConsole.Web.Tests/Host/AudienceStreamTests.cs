using System.Net;
using System.Net.Http.Headers;
using DemoConsole.Core.Session;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Audience;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Web.Tests.Host;

/// <summary>
/// The light audience stream (<c>/watch/stream</c>) as a client reads it: refused without the viewer token, a new view
/// for every part the presenter moves to, and never a line of the presenter's script.
/// </summary>
public sealed class AudienceStreamTests : IDisposable
{
    private readonly ConsoleWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task WithoutViewerToken_StreamIsRefusedWithoutRedirect()
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/watch/stream");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Stream_FollowsEveryPart_AndNeverCarriesTheScript()
    {
        var viewer = _factory.CreateClient();
        await viewer.GetAsync($"/auth/watch?t={ConsoleWebFactory.ViewerToken}");
        var presenter = _factory.CreateClient();
        presenter.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        using var response = await viewer.GetAsync("/watch/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var views = ViewsAsync(await response.Content.ReadAsStreamAsync(timeout.Token), timeout.Token).GetAsyncEnumerator(timeout.Token);
        var seen = new List<string>();
        var session = _factory.Services.GetRequiredService<DemoSession>();

        foreach (var part in session.Scenario.Parts)
        {
            (await presenter.PostAsync(new Uri($"/api/session/part/{part.Number}", UriKind.Relative), null)).EnsureSuccessStatusCode();
            do
            {
                Assert.True(await views.MoveNextAsync(), "the stream ended");
                seen.Add(views.Current);
            }
            while (!views.Current.Contains($"data-page=\"/present/{part.Number}\"", StringComparison.Ordinal));
        }

        var script = ScriptLines(session);
        Assert.NotEmpty(script);
        Assert.All(seen, view => Assert.DoesNotContain(script, line => view.Contains(line, StringComparison.Ordinal)));
    }

    /// <summary>Each <c>view</c> event's HTML, unpacked and with its character references decoded (Korean is written as references).</summary>
    private static async IAsyncEnumerable<string> ViewsAsync(Stream body, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                yield return WebUtility.HtmlDecode(AudienceFrame.Decompress(Convert.FromBase64String(line["data: ".Length..])));
            }
        }
    }

    /// <summary>Plain lines of every part's script, long enough to be the script's own words rather than a shared title.</summary>
    private static List<string> ScriptLines(DemoSession session) =>
        session.Scenario.Parts.SelectMany(p => p.Section.Script).SelectMany(b => b.Markdown.Split('\n'))
            .Select(l => l.Trim()).Where(l => l.Length >= 30 && !l.Any(c => "*_`[]#>&<\"'|".Contains(c))).Distinct().ToList();
}
