using System.Net;
using System.Text.RegularExpressions;

namespace DemoConsole.Tests.Shared.Web;

/// <summary>Signs a presenter in through the real sign-in form over HTTP, and checks where that cookie is accepted.</summary>
public static partial class CookieSignIn
{
    /// <summary>Signs in through the form with <paramref name="key"/>; returns the sign-in cookie as a Cookie header.</summary>
    public static async Task<string> SignInAsync(Uri console, string key, string name = "Alice")
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = console };
        var page = await http.GetStringAsync("/signin");
        using var response = await http.PostAsync("/auth/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups[1].Value,
            ["key"] = key,
            ["name"] = name,
            ["returnUrl"] = "/present/1",
        }));
        // Linked into the benchmark program too, which has no test framework: a plain exception, not an assertion.
        if (response.RequestMessage?.RequestUri?.AbsolutePath != "/present/1")
        {
            throw new InvalidOperationException($"the sign-in form led to {response.RequestMessage?.RequestUri}, not /present/1");
        }

        var signIn = cookies.GetCookies(console)["demo-console"] ?? throw new InvalidOperationException("no sign-in cookie");
        return $"demo-console={signIn.Value}";
    }

    /// <summary>A presenter page with only this cookie: 200 when it is accepted, a redirect to /signin when not.</summary>
    public static async Task<HttpStatusCode> PresenterPageAsync(Uri console, string cookie)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = console };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/present/3");
        request.Headers.Add("Cookie", cookie);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
