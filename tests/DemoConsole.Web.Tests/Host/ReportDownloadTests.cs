using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DemoConsole.Web.Tests.Host;

/// <summary>The report files a presenter downloads, after a real run on the embedded sandbox.</summary>
public sealed partial class ReportDownloadTests : IDisposable
{
    private readonly ConsoleWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Downloads_AfterASequence_CarryItsFiguresAsMarkdownAndAsAPrintablePage()
    {
        var api = _factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);
        var started = await api.PostAsync("/api/actions/errors-405/run", null);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString();
        JsonElement run = default;
        await AsyncWait.UntilAsync(async () =>
        {
            run = await api.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");
            return run.GetProperty("status").GetString() != "running";
        }, "the run to end", TimeSpan.FromSeconds(60));
        var browser = await PresenterAsync();

        var markdown = await browser.GetAsync("/present/report/markdown");
        var html = await browser.GetAsync("/present/report/html");

        Assert.Equal(HttpStatusCode.OK, markdown.StatusCode);
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("demo-report-", markdown.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var text = await markdown.Content.ReadAsStringAsync();
        // The console speaks the built-in Korean scenario's language: so do the files, figures invariant.
        Assert.Contains("요청 10개 (10 × 405)", text, StringComparison.Ordinal);
        Assert.Contains("응답의 95% 이상이 405: 100% 통과", text, StringComparison.Ordinal);
        Assert.Contains("## 부별 소요 시간", text, StringComparison.Ordinal);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        var page = WebUtility.HtmlDecode(await html.Content.ReadAsStringAsync());
        Assert.Contains("요청 10개 (10 × 405)", page, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ko\">", page, StringComparison.Ordinal);
    }

    private async Task<HttpClient> PresenterAsync()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/signin");
        await client.PostAsync("/auth/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
            ["key"] = ConsoleWebFactory.PresenterKey,
            ["name"] = "alice",
            ["returnUrl"] = "/present",
        }));
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
