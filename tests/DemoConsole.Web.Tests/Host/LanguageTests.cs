using System.Text.RegularExpressions;
using DemoConsole.Tests.Shared.Web;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DemoConsole.Web.Tests.Host;

/// <summary>DemoConsole:Language chooses the console's own UI text for every page, whatever the browser asks for.</summary>
public sealed partial class LanguageTests
{
    [Theory]
    [InlineData(null, "체크리스트", "Checklists")]
    [InlineData("en", "Checklists", "체크리스트")]
    [InlineData("ko", "체크리스트", "Checklists")]
    public async Task ChecklistsPage_InTheConfiguredLanguage_EvenWhenTheBrowserAsksForAnother(string? language, string shown, string notShown)
    {
        using var factory = language is null ? new ConsoleWebFactory() : new ConsoleWebFactory().With("DemoConsole:Language", language);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language == "en" ? "ko-KR" : "en-US");
        var signIn = await client.GetStringAsync("/signin");
        await client.PostAsync("/auth/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryField().Match(signIn).Groups[1].Value,
            ["key"] = ConsoleWebFactory.PresenterKey,
            ["name"] = "alice",
            ["returnUrl"] = "/present",
        }));

        // Prerendered HTML writes characters outside Basic Latin as entities.
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/present/checklists"));

        Assert.Contains($">{shown}<", page, StringComparison.Ordinal);
        Assert.DoesNotContain($">{notShown}<", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
