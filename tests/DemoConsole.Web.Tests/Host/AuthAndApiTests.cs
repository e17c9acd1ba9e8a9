using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DemoConsole.Core.Messages;
using DemoConsole.Tests.Shared.Web;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DemoConsole.Web.Tests.Host;

public sealed class AuthAndApiTests : IDisposable
{
    private readonly ConsoleWebFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private HttpClient Client(string? bearer = null)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    [Theory]
    [InlineData("/present")]
    [InlineData("/present/3")]
    [InlineData("/watch")]
    public async Task Get_PresenterOrWatchPage_WithoutSignIn_RedirectsToSignIn(string path)
    {
        var response = await Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_SignIn_IsOpenAndHasAForm()
    {
        var html = await Client().GetStringAsync("/signin");

        Assert.Contains("action=\"/auth/signin\"", html);
        Assert.DoesNotContain(ConsoleWebFactory.PresenterKey, html);
    }

    [Fact]
    public async Task Get_AudienceLink_WithViewerToken_SignsInAsViewer()
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync($"/auth/watch?t={ConsoleWebFactory.ViewerToken}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/watch", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var present = await client.GetAsync("/present");
        Assert.EndsWith("/signin", present.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AudienceLink_WithWrongToken_IsRefused()
    {
        var response = await Client().GetAsync("/auth/watch?t=guess");

        Assert.Equal("/signin?error=token", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Api_WithoutKey_Is401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client().GetAsync("/api/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client().PostAsync("/api/session/part/2", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Client("wrong-key-wrong-key").GetAsync("/api/session")).StatusCode);
    }

    [Fact]
    public async Task Api_ViewerToken_ReadsButCannotChange()
    {
        var viewer = Client(ConsoleWebFactory.ViewerToken);

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/session")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/session/part/2", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/api/actions/burst-blog/run", null)).StatusCode);
    }

    [Fact]
    public async Task Api_PresenterKey_MovesEveryScreenToAPart()
    {
        var presenter = Client(ConsoleWebFactory.PresenterKey);

        var moved = await presenter.PostAsync("/api/session/part/3", null);
        var session = await presenter.GetFromJsonAsync<JsonElement>("/api/session");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(3, session.GetProperty("currentPart").GetInt32());
        Assert.Equal(6, session.GetProperty("parts").GetArrayLength());
        Assert.True(session.GetProperty("parts")[0].GetProperty("budgetSeconds").GetInt32() > 0);
        Assert.True(session.GetProperty("timers").GetProperty("started").GetBoolean());
        Assert.False(string.IsNullOrEmpty(session.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task Api_PartThatDoesNotExist_Is409WithMessage()
    {
        var response = await Client(ConsoleWebFactory.PresenterKey).PostAsync("/api/session/part/42", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("/present/42", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Api_Actions_ListEveryScenarioActionWithCanRunAndReason()
    {
        var actions = await Client(ConsoleWebFactory.PresenterKey).GetFromJsonAsync<JsonElement>("/api/actions");

        Assert.True(actions.GetArrayLength() > 0);
        foreach (var action in actions.EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(action.GetProperty("id").GetString()));
            Assert.False(string.IsNullOrEmpty(action.GetProperty("kind").GetString()));
            var canRun = action.GetProperty("canRun").GetBoolean();
            Assert.Equal(canRun, action.GetProperty("reason").ValueKind == JsonValueKind.Null);
        }
    }

    [Fact]
    public async Task Api_Actions_ForAViewer_GiveTheReasonInTheConsolesLanguage()
    {
        var actions = await Client(ConsoleWebFactory.ViewerToken).GetFromJsonAsync<JsonElement>("/api/actions");

        // Korean with the built-in scenario, as every other message the API gives.
        var reason = actions.EnumerateArray().First().GetProperty("reason").GetString();
        Assert.Equal(new UiMessage("Actions_PresenterOnly").Format(System.Globalization.CultureInfo.GetCultureInfo("ko-KR")), reason);
    }

    [Fact]
    public async Task Api_RunUnknownAction_IsRefusedAndUnknownRunIs404()
    {
        var presenter = Client(ConsoleWebFactory.PresenterKey);

        Assert.Equal(HttpStatusCode.Conflict, (await presenter.PostAsync("/api/actions/no-such-action/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await presenter.GetAsync("/api/runs/nope")).StatusCode);
    }

    [Fact]
    public async Task Responses_CarryAFrameSrcListingExactlyThePanelOrigins()
    {
        var response = await Client().GetAsync("/signin");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-src 'self' http://127.0.0.1:30164 http://127.0.0.1:30300;", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("connect-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'self'", csp);
    }

    [Fact]
    public async Task Api_Sandbox_GivesTheEndpointsAndAKubeconfigThatExists()
    {
        var sandbox = await Client(ConsoleWebFactory.ViewerToken).GetFromJsonAsync<JsonElement>("/api/sandbox");

        Assert.True(Uri.TryCreate(sandbox.GetProperty("kubernetesApi").GetString(), UriKind.Absolute, out var api) && api.IsLoopback);
        Assert.True(Uri.TryCreate(sandbox.GetProperty("gateway").GetString(), UriKind.Absolute, out var gateway) && gateway.IsLoopback);
        Assert.True(File.Exists(sandbox.GetProperty("kubeconfig").GetString()));
        Assert.True(Uri.TryCreate(sandbox.GetProperty("gitHub").GetString(), UriKind.Absolute, out var gitHub) && gitHub.IsLoopback);
        Assert.Equal(JsonValueKind.Array, sandbox.GetProperty("faults").ValueKind);
        var blog = await new HttpClient().GetAsync(new Uri(gateway, "/blog/"));
        Assert.Equal(HttpStatusCode.OK, blog.StatusCode);
    }
}
