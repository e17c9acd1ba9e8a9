using System.Net;
using System.Net.Http.Headers;
using DemoConsole.Tests.Shared.Web;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DemoConsole.Web.Tests.Host;

/// <summary>Guessing the presenter key or the audience token, by form, link or API, meets the per-address limit.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly ConsoleWebFactory _factory = new ConsoleWebFactory()
        .With("DemoConsole:Auth:SignInPerMinute", "3")
        .With("DemoConsole:Auth:ApiWritesPerMinute", "4");

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AudienceLink_WrongTokenRepeated_IsRefusedWith429AfterTheLimit()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await client.GetAsync("/auth/watch?t=guess-" + i)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task ApiWrites_WrongKeyRepeated_CountsAndIsRefusedWith429WithRetryAfter()
    {
        var guesser = _factory.CreateClient();
        guesser.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-presenter-key-0000");

        var answers = new List<HttpStatusCode>();
        HttpResponseMessage last = default!;
        for (var i = 0; i < 5; i++)
        {
            last = await guesser.PostAsync("/api/session/next", null);
            answers.Add(last.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 4).Append(HttpStatusCode.TooManyRequests), answers);
        Assert.Equal(TimeSpan.FromSeconds(60), last.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task RecordingsApi_ListingIsNotCountedButTheSwitchIs()
    {
        var presenter = _factory.CreateClient();
        presenter.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);

        var listings = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            listings.Add((await presenter.GetAsync("/api/recordings")).StatusCode);
        }

        var switches = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            switches.Add((await presenter.PostAsync("/api/recording/off", null)).StatusCode);
        }

        Assert.All(listings, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, switches[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, switches[..^1]);
    }

    [Fact]
    public async Task ApiReads_AreNotLimited()
    {
        var viewer = _factory.CreateClient();
        viewer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.ViewerToken);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/session")).StatusCode);
        }
    }
}
