using System.Text.RegularExpressions;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Web.Tests.Host;

/// <summary>
/// Which language a screen gets: DemoConsole:Language when set, else the scenario's front-matter language:, else
/// Korean; a presenter's own choice (cookie) on presenter screens only; never the browser's Accept-Language.
/// </summary>
public sealed partial class LanguageTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("language-tests").FullName;

    [Theory]
    [InlineData(null, "체크리스트", "Checklists")]
    [InlineData("en", "Checklists", "체크리스트")]
    [InlineData("ko", "체크리스트", "Checklists")]
    public async Task ChecklistsPage_InTheConfiguredLanguage_EvenWhenTheBrowserAsksForAnother(string? language, string shown, string notShown)
    {
        using var factory = language is null ? new ConsoleWebFactory() : new ConsoleWebFactory().With("DemoConsole:Language", language);
        var client = await SignedInAsync(factory, acceptLanguage: language == "en" ? "ko-KR" : "en-US");

        var page = await PageAsync(client, "/present/checklists");

        Assert.Contains($">{shown}<", page, StringComparison.Ordinal);
        Assert.DoesNotContain($">{notShown}<", page, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{language ?? "ko"}\">", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "en")]
    [InlineData("ko", "ko")]
    public async Task ScenarioLanguage_ChoosesUnlessTheSettingSaysOtherwise(string? setting, string expected)
    {
        using var factory = new ConsoleWebFactory().With("DemoConsole:ScenarioPath", ScenarioIn("en")).With("DemoConsole:Language", setting);
        var client = await SignedInAsync(factory);

        var presenter = await PageAsync(client, "/present/checklists");
        var audience = await PageAsync(client, "/watch");

        Assert.Contains($"<html lang=\"{expected}\">", presenter, StringComparison.Ordinal);
        Assert.Contains($"<html lang=\"{expected}\">", audience, StringComparison.Ordinal);
        Assert.Contains(expected == "en" ? ">Checklists<" : ">체크리스트<", presenter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PresenterSwitch_ChangesTheirScreensAcrossRefreshes_NotTheAudienceScreen()
    {
        using var factory = new ConsoleWebFactory();
        var client = await SignedInAsync(factory);
        var before = await PageAsync(client, "/present/checklists");

        var switched = await client.PostAsync("/preferences/language", Form(before, ("language", "en"), ("returnUrl", "/present/checklists")));
        var refreshed = await PageAsync(client, "/present/checklists");
        var again = await PageAsync(client, "/present/checklists");
        var audience = await PageAsync(client, "/watch");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/present/checklists", switched.Headers.Location?.OriginalString);
        Assert.Contains(">Checklists<", refreshed, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", again, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ko\">", audience, StringComparison.Ordinal);

        await client.PostAsync("/preferences/language", Form(again, ("language", LanguagePreference.Automatic), ("returnUrl", "/present")));
        Assert.Contains(">체크리스트<", await PageAsync(client, "/present/checklists"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    public async Task PresenterSwitch_UnknownLanguage_IsRefusedWithAClearError(string language)
    {
        using var factory = new ConsoleWebFactory();
        var client = await SignedInAsync(factory);
        var page = await PageAsync(client, "/present/checklists");

        var response = await client.PostAsync("/preferences/language", Form(page, ("language", language), ("returnUrl", "/present")));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        // In the request's language, like every API error: Korean here (nothing chose another).
        Assert.Contains("ko, en 또는 auto", System.Text.RegularExpressions.Regex.Unescape(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PresenterSwitch_NeedsAPresenter()
    {
        using var factory = new ConsoleWebFactory();
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.GetAsync($"/auth/watch?t={ConsoleWebFactory.ViewerToken}");

        var response = await client.PostAsync("/preferences/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["language"] = "en" }));

        Assert.NotEqual("/present", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(LanguagePreference.CookieName, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/present", "", "en", "en")]
    [InlineData("/_blazor", "", "en", "en")]
    [InlineData("/_blazor", "?screen=audience", "en", "ko")]
    [InlineData("/watch", "", "en", "ko")]
    [InlineData("/_blazor", "?screen=audience", null, "ko")]
    public async Task Provider_PresenterChoiceEverywhereButTheAudienceConnection(string path, string query, string? cookie, string expected)
    {
        using var factory = new ConsoleWebFactory();
        var context = new DefaultHttpContext { RequestServices = factory.Services };
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = $"{LanguagePreference.CookieName}={cookie}";
        }

        var result = await new ScreenLanguageProvider(configured: null).DetermineProviderCultureResult(context);

        Assert.Equal(expected, result!.UICultures[0].Value);
        Assert.Equal(expected == "en" ? "en-US" : "ko-KR", result.Cultures[0].Value);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The built-in scenario with <c>language:</c> added to its front matter.</summary>
    private string ScenarioIn(string language)
    {
        using var stream = typeof(Core.Scenarios.DefaultScenario).Assembly.GetManifestResourceStream("DemoConsole.Core.Scenarios.Default.titanium.ko.md")!;
        // The built-in scenario declares its own language; the copy declares the one asked for instead.
        var text = new StreamReader(stream).ReadToEnd().Replace("\nlanguage: ko\n", "\n", StringComparison.Ordinal);
        var path = Path.Combine(_folder, "scenario.md");
        File.WriteAllText(path, "---\nlanguage: " + language + "\n" + text[4..]);
        return path;
    }

    private static async Task<HttpClient> SignedInAsync(ConsoleWebFactory factory, string acceptLanguage = "en-US")
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        var signIn = await client.GetStringAsync("/signin");
        await client.PostAsync("/auth/signin", Form(signIn, ("key", ConsoleWebFactory.PresenterKey), ("name", "alice"), ("returnUrl", "/present")));
        return client;
    }

    // Prerendered HTML writes characters outside Basic Latin as entities.
    private static async Task<string> PageAsync(HttpClient client, string path) =>
        System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(path));

    private static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value))
            .Append(KeyValuePair.Create("__RequestVerificationToken", AntiforgeryField().Match(page).Groups[1].Value)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
