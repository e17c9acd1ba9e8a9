using System.Net;
using System.Text.RegularExpressions;
using DemoConsole.Tests.Shared.Web;

namespace DemoConsole.Web.Tests.Host;

public sealed partial class SignInTests : IDisposable
{
    private readonly ConsoleWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string key, string returnUrl = "/present/2")
    {
        var page = await client.GetStringAsync("/signin");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        return await client.PostAsync("/auth/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["key"] = key,
            ["name"] = "Alice <script>",
            ["returnUrl"] = returnUrl,
        }));
    }

    [Fact]
    public async Task SignIn_RightKey_OpensThePresenterPages()
    {
        var client = _factory.CreateClient();

        var response = await SignInAsync(client, ConsoleWebFactory.PresenterKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/present/2", response.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await client.GetStringAsync("/present/3");
        Assert.Contains("data-testid=\"page-title\"", page);
    }

    [Fact]
    public async Task SignIn_WrongKey_StaysOnSignInWithAnError()
    {
        var client = _factory.CreateClient();

        var response = await SignInAsync(client, "not-the-key-at-all");

        Assert.Equal("/signin", response.RequestMessage!.RequestUri!.AbsolutePath);
        // In the console's language (Korean unless something chooses English).
        Assert.Contains("발표자 키가 올바르지 않습니다.", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task SignIn_ReturnUrlElsewhere_IsNotFollowed()
    {
        var client = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await SignInAsync(client, ConsoleWebFactory.PresenterKey, "//evil.example/");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_MidDemo_LandsOnThePageTheDemoIsOn()
    {
        var api = _factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);
        (await api.PostAsync("/api/session/part/4", null)).EnsureSuccessStatusCode();
        var client = _factory.CreateClient();

        var response = await SignInAsync(client, ConsoleWebFactory.PresenterKey, returnUrl: "");

        Assert.Equal("/present/4", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Theory]
    [InlineData("Alice <script>", "Alice script")]
    [InlineData("", "presenter")]
    [InlineData("remote", "presenter")]
    public void CleanName_UntrustedInput_IsShortAndPlain(string input, string expected)
    {
        Assert.Equal(expected, Security.SignInEndpoints.CleanName(input));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
