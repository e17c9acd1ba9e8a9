using DemoConsole.Core.Messages;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DemoConsole.Core.Recording;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace DemoConsole.Browser.Tests.Recording;

/// <summary>The sandbox at a fast time scale (a pod comes back in well under a second), recording on as in every sandbox session.</summary>
public sealed class RecordingFixture : BrowserFixture
{
    protected override ConsoleWebFactory Configure(ConsoleWebFactory factory) => factory.With("DemoConsole:Cluster:SandboxTimeScale", "0.01");
}

/// <summary>
/// A rehearsal of the default scenario (all six parts, a burst, an error sequence, a pod kill) is recorded, then
/// replayed from the recordings page: the presenter and audience screens show the same headings and the same final
/// figures as they did live, no action can run meanwhile, and leaving returns both screens to live.
/// </summary>
public sealed class RecordingReplayTests(RecordingFixture browser, ITestOutputHelper output) : IClassFixture<RecordingFixture>
{
    /// <summary>The action each part runs in this rehearsal.</summary>
    private static readonly Dictionary<int, string> Runs = new() { [3] = "traffic-burst", [5] = "errors-404", [6] = "kill-blog-pod" };

    /// <summary>The replay controls' chip of the part on the screens.</summary>
    private static readonly Regex CurrentChip = new(@"\bcurrent\b");

    [Fact]
    public async Task RecordedRehearsal_ReplaysOnBothScreensAsItLooked_AndNothingCanRunMeanwhile()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        var audience = await browser.AudiencePageAsync();
        using var api = new HttpClient { BaseAddress = browser.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);
        await Assertions.Expect(presenter.GetByTestId("recording-switch")).ToHaveAttributeAsync("aria-pressed", "true");

        var live = new Dictionary<int, (string Audience, string Presenter, string? Figures)>();
        for (var part = 1; part <= 6; part++)
        {
            await presenter.Keyboard.PressAsync(part.ToString(CultureInfo.InvariantCulture));
            await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync($"{part}부");
            await Assertions.Expect(presenter.GetByTestId("page-title")).ToContainTextAsync($"{part}부");
            string? figures = null;
            if (Runs.TryGetValue(part, out var action))
            {
                await RunToTheEndAsync(api, action);
                figures = await FinalFiguresAsync(audience, action);
                // Not a wait for a condition: the presenter talks over a result for a moment, as in a demo, so the
                // replay (at 2x) shows the final figures long enough for a screen to be read.
                await presenter.WaitForTimeoutAsync(3000);
            }

            live[part] = (await audience.GetByTestId("audience-title").InnerTextAsync(), await presenter.GetByTestId("page-title").InnerTextAsync(), figures);
        }

        var recorder = browser.Services.GetRequiredService<Recorder>();
        var path = recorder.CurrentPath!;
        var content = RecordingReader.Read(path);
        var bytes = new FileInfo(path).Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recording {Path.GetFileName(path)}: {bytes} bytes, {content.Lines.Count} lines over {content.Length.TotalSeconds:0.0} s = {bytes / content.Length.TotalMinutes:0} bytes/minute"));

        // The recordings page is reached from the report page.
        await presenter.GotoAsync("/present/report");
        await BrowserFixture.WaitForInteractiveAsync(presenter);
        await presenter.GetByTestId("report-recordings").ClickAsync();
        await presenter.WaitForURLAsync("**/present/recordings");
        await BrowserFixture.WaitForInteractiveAsync(presenter);
        var row = presenter.GetByTestId($"recording-{Path.GetFileName(path)}");
        await Assertions.Expect(row.GetByTestId("recording-parts")).ToHaveTextAsync("1 · 2 · 3 · 4 · 5 · 6");
        await Screenshots.SaveAsync(presenter, audience, "recordings-page");
        await row.GetByTestId("recording-replay").ClickAsync();

        await Assertions.Expect(audience.GetByTestId("replay-marker")).ToBeVisibleAsync();
        await Assertions.Expect(presenter.GetByTestId("replay-marker")).ToBeVisibleAsync();
        await Assertions.Expect(audience.GetByTestId("replay-marker")).ToContainTextAsync(content.Header.StartedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

        // No action can touch the cluster during a replay: the API refuses, whatever the buttons show.
        var refused = await api.PostAsync("/api/actions/traffic-burst/run", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        // In the console's language (Korean by default), as every API error.
        Assert.Contains(new UiMessage("Actions_Replaying").Format(CultureInfo.GetCultureInfo("ko")), await refused.Content.ReadAsStringAsync());

        // Paused while jumping, so each part's headings are read before the replay plays on past a short part; played
        // (at 2x) where a run has to reach its end. The rehearsal moved on only after each run ended.
        await presenter.GetByTestId("replay-speed-2").ClickAsync();
        await presenter.GetByTestId("replay-pause").ClickAsync();
        for (var part = 1; part <= 6; part++)
        {
            await presenter.GetByTestId($"replay-part-{part}").ClickAsync();
            await Assertions.Expect(audience.GetByTestId("audience-title")).ToHaveTextAsync(live[part].Audience);
            await Assertions.Expect(presenter.GetByTestId("page-title")).ToHaveTextAsync(live[part].Presenter);
            // The controls mark the part too (their render arrives apart from the page's); the next click waits for it.
            await Assertions.Expect(presenter.GetByTestId($"replay-part-{part}")).ToHaveClassAsync(CurrentChip);
            if (Runs.TryGetValue(part, out var action))
            {
                if (part == 3)
                {
                    await Assertions.Expect(presenter.GetByTestId($"run-{action}")).ToBeDisabledAsync();
                }

                await presenter.GetByTestId("replay-resume").ClickAsync();
                Assert.Equal(live[part].Figures, await FinalFiguresAsync(audience, action));
                await presenter.GetByTestId("replay-pause").ClickAsync();
            }
        }

        await Screenshots.SaveAsync(presenter, audience, "replay-part6");
        await presenter.GetByTestId("replay-leave").ClickAsync();
        await Assertions.Expect(audience.GetByTestId("replay-marker")).ToBeHiddenAsync();
        await Assertions.Expect(presenter.GetByTestId("replay-marker")).ToBeHiddenAsync();
        // Back to live: the live session was left on part 6 throughout the replay.
        await Assertions.Expect(audience.GetByTestId("audience-title")).ToHaveTextAsync(live[6].Audience);
    }

    /// <summary>The run's figures as the audience sees them once it has ended (its result text, status and message).</summary>
    private static async Task<string> FinalFiguresAsync(IPage audience, string action)
    {
        var result = audience.Locator($"[data-testid=audience-run-{action}] [data-testid=run-result]");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-status", "succeeded");
        return await result.InnerTextAsync();
    }

    private static async Task RunToTheEndAsync(HttpClient api, string id)
    {
        var preview = await (await api.PostAsync($"/api/actions/{id}/preview", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(preview.GetProperty("canRun").GetBoolean(), preview.ToString());
        var started = await api.PostAsJsonAsync($"/api/actions/{id}/run", new { previewId = preview.GetProperty("previewId").GetString() });
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString();
        await AsyncWait.UntilAsync(async () => (await api.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}")).GetProperty("status").GetString() != "running",
            $"the run of {id} to end", TimeSpan.FromMinutes(2));
    }
}
