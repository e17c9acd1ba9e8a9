using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>The console works under its own Content-Security-Policy (scripts from its own files only), and a script the policy refuses never runs.</summary>
public sealed class ContentSecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task PresenterAndAudience_UnderThePolicy_WorkWithoutAViolation()
    {
        var violations = new List<string>();
        var presenter = await browser.PresenterPageAsync("alice");
        var audience = await BrowserFixture.AudiencePageAsync(browser.Browser, browser.BaseAddress);
        foreach (var page in new[] { presenter, audience })
        {
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    lock (violations)
                    {
                        violations.Add(message.Text);
                    }
                }
            };
        }

        // Keys (a JS module), the live audience screen (the circuit's WebSocket) and the teleprompter module all run.
        await presenter.Keyboard.PressAsync("3");
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("3부");
        await presenter.GotoAsync("/present/6");
        await BrowserFixture.WaitForInteractiveAsync(presenter);
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync("6부");

        // An inline script, as an injected string would try, is refused by the browser.
        await presenter.EvaluateAsync("() => { const s = document.createElement('script'); s.textContent = 'window.__injected = 1'; document.body.appendChild(s); }");
        await Assertions.Expect(presenter.GetByTestId("page-title")).ToContainTextAsync("6부");

        Assert.False(await presenter.EvaluateAsync<bool>("() => window.__injected === 1"));
        Assert.Single(violations);
        Assert.Contains("script-src 'self'", violations[0], StringComparison.Ordinal);
    }
}
