using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using DemoConsole.Tests.Shared.Web;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Web.Tests.Host;

/// <summary>
/// Every page and API route of the console against anonymous, viewer and presenter callers. The table must name every
/// route the app maps, so a new route without a decision about who may call it fails here first.
/// </summary>
public sealed partial class RoleTableTests(RoleTableTests.Console factory) : IClassFixture<RoleTableTests.Console>
{
    /// <summary>Who may call a route.</summary>
    public enum Access
    {
        /// <summary>Anyone (health, sign-in, the audience link).</summary>
        Public,

        /// <summary>API reads: viewer token or presenter key.</summary>
        ApiRead,

        /// <summary>API writes: presenter key only.</summary>
        ApiWrite,

        /// <summary>Presenter pages: a presenter's sign-in cookie.</summary>
        PresenterPage,

        /// <summary>The audience screen: the viewer's or a presenter's cookie.</summary>
        AudiencePage,

        /// <summary>The light audience screen's event stream: the same callers, and 401 (not a redirect) for anyone else.</summary>
        AudienceStream,
    }

    /// <summary>Route pattern and method → who may call it, and a concrete path to try.</summary>
    public static readonly TheoryData<string, string, string, Access> Routes = new()
    {
        { "GET", "/health", "/health", Access.Public },
        { "GET", "/health/live", "/health/live", Access.Public },
        { "GET", "/health/ready", "/health/ready", Access.Public },
        { "GET", "/signin", "/signin", Access.Public },
        { "GET", "/auth/watch", "/auth/watch", Access.Public },
        { "POST", "/auth/signin", "/auth/signin", Access.Public },
        { "POST", "/auth/signout", "/auth/signout", Access.Public },
        { "GET", "/error", "/error", Access.Public },
        { "GET", "/", "/", Access.PresenterPage },
        { "GET", "/present", "/present", Access.PresenterPage },
        { "GET", "/present/prep", "/present/prep", Access.PresenterPage },
        { "GET", "/present/{Number:int}", "/present/3", Access.PresenterPage },
        { "GET", "/present/closing", "/present/closing", Access.PresenterPage },
        { "GET", "/present/qa", "/present/qa", Access.PresenterPage },
        { "GET", "/present/checklists", "/present/checklists", Access.PresenterPage },
        { "GET", "/present/preflight", "/present/preflight", Access.PresenterPage },
        { "GET", "/present/runs", "/present/runs", Access.PresenterPage },
        { "GET", "/present/reference", "/present/reference", Access.PresenterPage },
        { "GET", "/present/report", "/present/report", Access.PresenterPage },
        { "GET", "/report", "/report", Access.PresenterPage },
        { "GET", "/present/report/markdown", "/present/report/markdown", Access.PresenterPage },
        { "GET", "/present/report/html", "/present/report/html", Access.PresenterPage },
        { "POST", "/preferences/language", "/preferences/language", Access.PresenterPage },
        { "GET", "/present/recordings", "/present/recordings", Access.PresenterPage },
        { "GET", "/present/recordings/{name}", "/present/recordings/none.jsonl", Access.PresenterPage },
        { "GET", "/watch", "/watch", Access.AudiencePage },
        { "GET", "/watch/light", "/watch/light", Access.AudiencePage },
        { "GET", "/watch/stream", "/watch/stream", Access.AudienceStream },
        { "GET", "/api/session", "/api/session", Access.ApiRead },
        { "POST", "/api/session/part/{n:int}", "/api/session/part/2", Access.ApiWrite },
        { "POST", "/api/session/next", "/api/session/next", Access.ApiWrite },
        { "POST", "/api/session/previous", "/api/session/previous", Access.ApiWrite },
        { "GET", "/api/actions", "/api/actions", Access.ApiRead },
        { "POST", "/api/actions/{id}/preview", "/api/actions/no-such-action/preview", Access.ApiWrite },
        { "POST", "/api/actions/{id}/run", "/api/actions/no-such-action/run", Access.ApiWrite },
        { "GET", "/api/runs", "/api/runs", Access.ApiRead },
        { "GET", "/api/runs/{id}", "/api/runs/nope", Access.ApiRead },
        { "POST", "/api/runs/{id}/stop", "/api/runs/nope/stop", Access.ApiWrite },
        { "POST", "/api/stop-all", "/api/stop-all", Access.ApiWrite },
        { "POST", "/api/preflight", "/api/preflight", Access.ApiWrite },
        { "GET", "/api/sandbox", "/api/sandbox", Access.ApiRead },
        { "GET", "/api/replica", "/api/replica", Access.ApiRead },
        // Recordings hold the whole session: presenter key only, reading them too.
        { "GET", "/api/recordings", "/api/recordings", Access.ApiWrite },
        { "POST", "/api/recordings/{name}/replay", "/api/recordings/none.jsonl/replay", Access.ApiWrite },
        { "DELETE", "/api/recordings/{name}", "/api/recordings/none.jsonl", Access.ApiWrite },
        { "POST", "/api/replay/leave", "/api/replay/leave", Access.ApiWrite },
        { "POST", "/api/recording/{state:regex(^(on|off)$)}", "/api/recording/on", Access.ApiWrite },
    };

    private readonly Console _factory = factory;

    /// <summary>One console for the whole table; it signs in once per row, more often than the sign-in limit allows.</summary>
    public sealed class Console : ConsoleWebFactory
    {
        public Console() => With("DemoConsole:Auth:SignInPerMinute", "1000");
    }

    [Fact]
    public void Table_NamesEveryRouteTheConsoleMaps()
    {
        var mapped = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsFramework(e.RoutePattern.RawText ?? ""))
            .SelectMany(e => Methods(e).Select(m => $"{m} {Normal(e.RoutePattern.RawText!)}"))
            .ToHashSet(StringComparer.Ordinal);
        var named = Routes.Select(r => $"{r[0]} {r[1]}").ToHashSet(StringComparer.Ordinal);

        Assert.Empty(mapped.Except(named).Order(StringComparer.Ordinal));
        Assert.Empty(named.Except(mapped).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_AsAnonymousViewerAndPresenter_IsAllowedOnlyToWhoMayCallIt(string method, string pattern, string path, Access access)
    {
        _ = pattern;
        var anonymous = await SendAsync(Client(), method, path);
        var viewer = await SendAsync(await ViewerAsync(access), method, path);
        var presenter = await SendAsync(await PresenterAsync(access), method, path);

        switch (access)
        {
            case Access.Public:
                Assert.False(anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{method} {path} as anonymous: {Describe(anonymous)}");
                break;
            case Access.ApiRead:
                Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
                Assert.True(Allowed(viewer), $"{method} {path} as viewer: {Describe(viewer)}");
                Assert.True(Allowed(presenter), $"{method} {path} as presenter: {Describe(presenter)}");
                break;
            case Access.ApiWrite:
                Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
                Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
                Assert.True(Allowed(presenter), $"{method} {path} as presenter: {Describe(presenter)}");
                break;
            case Access.PresenterPage:
                Assert.True(ToSignIn(anonymous), $"{method} {path} as anonymous: {Describe(anonymous)}");
                Assert.True(ToSignIn(viewer), $"{method} {path} as viewer: {Describe(viewer)}");
                Assert.True(Allowed(presenter), $"{method} {path} as presenter: {Describe(presenter)}");
                break;
            case Access.AudiencePage:
                Assert.True(ToSignIn(anonymous), $"{method} {path} as anonymous: {Describe(anonymous)}");
                Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
                Assert.Equal(HttpStatusCode.OK, presenter.StatusCode);
                break;
            case Access.AudienceStream:
                Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
                Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
                Assert.Equal(HttpStatusCode.OK, presenter.StatusCode);
                break;
        }
    }

    /// <summary>A page's endpoint also takes the POST of its own forms; who may open it is decided by its GET.</summary>
    private static IEnumerable<string> Methods(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
            ? ["GET"]
            : endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    private static bool Allowed(HttpResponseMessage response) =>
        response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && !ToSignIn(response);

    private static bool ToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is { } to
            && (to.IsAbsoluteUri ? to.AbsolutePath : to.OriginalString).StartsWith("/signin", StringComparison.Ordinal);

    private static string Describe(HttpResponseMessage response) => $"{(int)response.StatusCode} {response.Headers.Location}";

    /// <summary>Headers only: the audience stream's body never ends.</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), HttpCompletionOption.ResponseHeadersRead);

    private HttpClient Client(string? bearer = null)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    /// <summary>The API takes the viewer token as a bearer; pages take the cookie the audience link sets.</summary>
    private async Task<HttpClient> ViewerAsync(Access access)
    {
        if (access is Access.ApiRead or Access.ApiWrite)
        {
            return Client(ConsoleWebFactory.ViewerToken);
        }

        var client = Client();
        await client.GetAsync($"/auth/watch?t={ConsoleWebFactory.ViewerToken}");
        return client;
    }

    private async Task<HttpClient> PresenterAsync(Access access)
    {
        if (access is Access.ApiRead or Access.ApiWrite)
        {
            return Client(ConsoleWebFactory.PresenterKey);
        }

        var client = Client();
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

    /// <summary>Blazor's own endpoints (circuit hub, framework files) and static assets carry no console data.</summary>
    private static bool IsFramework(string pattern) =>
        pattern.StartsWith('_') || pattern.StartsWith("/_", StringComparison.Ordinal) || pattern.Contains(":file}", StringComparison.Ordinal)
        || Path.HasExtension(pattern.Split('{')[0]);

    private static string Normal(string pattern) => pattern.StartsWith('/') ? pattern : "/" + pattern;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
