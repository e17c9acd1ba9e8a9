using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Serilog.Core;

namespace DemoConsole.Browser.Tests.Secrets;

/// <summary>
/// The console with a secret in every place one can be configured: presenter key, viewer token, the GitHub token
/// (issued by the sandbox's GitHub twin), a Prometheus bearer token and Alertmanager basic-auth credentials (the twin
/// accepts and ignores them, as a Prometheus behind no proxy would), every log level down to Debug captured.
/// </summary>
public sealed class SecretsRehearsalFixture : BrowserFixture
{
    public const string PrometheusToken = "prom-bearer-secret-6f1d2c";
    public const string AlertmanagerUser = "demo-reader";
    public const string AlertmanagerPassword = "am-basic-secret-93ab47";

    public CapturedLog Log { get; } = new();

    protected override ConsoleWebFactory Configure(ConsoleWebFactory factory)
    {
        // The metrics sources must be configured explicitly to carry credentials, so the sandbox's Prometheus twin
        // gets a fixed port that the configuration can name.
        var port = FreeLoopbackPort();
        var prometheus = $"http://127.0.0.1:{port}";
        return factory
            .With("DemoConsole:Cluster:SandboxTimeScale", "0.01")
            .With("DemoConsole:GitHub:PollInterval", "00:00:00.5")
            .With("DemoConsole:Cluster:SandboxPrometheusPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("DemoConsole:Prometheus:Url", prometheus)
            .With("DemoConsole:Prometheus:BearerToken", PrometheusToken)
            .With("DemoConsole:Alertmanager:Url", prometheus)
            .With("DemoConsole:Alertmanager:Username", AlertmanagerUser)
            .With("DemoConsole:Alertmanager:Password", AlertmanagerPassword)
            .With("Serilog:MinimumLevel:Default", "Debug")
            .WithServices(services => services.AddSingleton<ILogEventSink>(Log));
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A whole rehearsal of the default scenario — every action run, every part shown on both screens, every presenter
/// page opened, the report downloaded, everything stopped — and then every log event, API response, page, download and
/// the session's state file scanned for the secrets.
/// </summary>
public sealed class SecretsRehearsalTests(SecretsRehearsalFixture browser) : IClassFixture<SecretsRehearsalFixture>
{
    private static readonly string[] PresenterPages =
        ["/present", "/present/prep", "/present/preflight", "/present/checklists", "/present/runs", "/present/report", "/present/recordings", "/present/qa", "/present/reference", "/present/closing"];

    /// <summary>The session report's downloads, read with the presenter's sign-in.</summary>
    private static readonly string[] Downloads = ["/present/report/markdown", "/present/report/html"];

    private readonly List<(string Where, string Text)> _seen = [];

    [Fact]
    public async Task FullRehearsal_NoSecretInAnyLogLineApiResponsePageOrStateFile()
    {
        var presenter = await browser.PresenterPageAsync("alice");
        var audience = await browser.AudiencePageAsync();
        using var api = new HttpClient { BaseAddress = browser.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ConsoleWebFactory.PresenterKey);

        var actions = await ReadAsync(api, "/api/actions");
        foreach (var action in actions.EnumerateArray().Where(a => a.GetProperty("canRun").GetBoolean()))
        {
            await RunToTheEndAsync(api, action.GetProperty("id").GetString()!, action.GetProperty("kind").GetString()!);
        }

        foreach (var path in new[] { "/api/session", "/api/actions", "/api/runs", "/api/sandbox" })
        {
            await ReadAsync(api, path);
        }

        _seen.Add(("POST /api/preflight", await (await api.PostAsync("/api/preflight", null)).Content.ReadAsStringAsync()));
        await VisitEveryScreenAsync(presenter, audience);
        foreach (var path in Downloads)
        {
            var download = await presenter.APIRequest.GetAsync(path);
            Assert.True(download.Ok, $"{path}: {download.Status}");
            _seen.Add((path, await download.TextAsync()));
        }

        _seen.Add(("POST /api/stop-all", await (await api.PostAsync("/api/stop-all", null)).Content.ReadAsStringAsync()));

        var scan = Secrets(await presenter.Context.CookiesAsync(), await audience.Context.CookiesAsync());
        foreach (var (where, text) in _seen)
        {
            scan.Scan(where, text);
        }

        foreach (var line in browser.Log.Lines)
        {
            scan.Scan("log", line);
        }

        var stateFile = browser.Services.GetRequiredService<IConfiguration>()["DemoConsole:StateFile"]!;
        scan.Scan("state file", File.Exists(stateFile) ? await File.ReadAllTextAsync(stateFile) : null);

        // The rehearsal was recorded (on by default in sandbox mode): the recording, as written and as downloaded.
        var recordings = Path.Combine(Path.GetDirectoryName(stateFile)!, "recordings");
        var recorded = Directory.Exists(recordings) ? Directory.GetFiles(recordings, "*.jsonl") : [];
        Assert.NotEmpty(recorded);
        foreach (var file in recorded)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            scan.Scan($"recording {Path.GetFileName(file)}", await new StreamReader(stream).ReadToEndAsync());
            var download = await presenter.APIRequest.GetAsync($"/present/recordings/{Path.GetFileName(file)}");
            Assert.True(download.Ok, $"download of {Path.GetFileName(file)}: {download.Status}");
            scan.Scan($"download of {Path.GetFileName(file)}", await download.TextAsync());
        }

        scan.Scan("GET /api/recordings", await (await api.GetAsync("/api/recordings")).Content.ReadAsStringAsync());

        Assert.Empty(scan.Findings);
        // The scan looked at a real rehearsal: every action ran to its end (steady traffic is stopped, hence cancelled).
        var runs = await ReadAsync(api, "/api/runs");
        Assert.True(runs.EnumerateArray().All(r => r.GetProperty("status").GetString() is "succeeded" or "cancelled"), runs.ToString());
        Assert.Contains(runs.EnumerateArray(), r => r.GetProperty("kind").GetString() == "demo-commit");
        Assert.True(browser.Log.Lines.Count > 100, $"only {browser.Log.Lines.Count} log events were captured");
    }

    private SecretScan Secrets(IReadOnlyList<BrowserContextCookiesResult> presenterCookies, IReadOnlyList<BrowserContextCookiesResult> audienceCookies)
    {
        var scan = new SecretScan()
            .Add("presenter key", ConsoleWebFactory.PresenterKey)
            .Add("viewer token", ConsoleWebFactory.ViewerToken)
            .Add("GitHub token", browser.Services.GetRequiredService<EmbeddedSandbox>().Host!.GitHubToken)
            .Add("Prometheus bearer token", SecretsRehearsalFixture.PrometheusToken)
            .AddBasic("Alertmanager", SecretsRehearsalFixture.AlertmanagerUser, SecretsRehearsalFixture.AlertmanagerPassword);
        foreach (var cookie in presenterCookies.Concat(audienceCookies).Where(c => c.Value.Length >= 16))
        {
            scan.Add($"cookie {cookie.Name}", cookie.Value);
        }

        return scan;
    }

    /// <summary>Previews (so confirmations are exercised too), runs, and waits for the end; steady traffic is stopped after a while.</summary>
    private async Task RunToTheEndAsync(HttpClient api, string id, string kind)
    {
        var previewResponse = await api.PostAsync($"/api/actions/{id}/preview", null);
        var preview = await ReadBodyAsync(previewResponse, $"POST /api/actions/{id}/preview");
        Assert.True(preview.GetProperty("canRun").GetBoolean(), preview.ToString());
        var started = await api.PostAsJsonAsync($"/api/actions/{id}/run", new { previewId = preview.GetProperty("previewId").GetString() });
        var runId = (await ReadBodyAsync(started, $"POST /api/actions/{id}/run")).GetProperty("runId").GetString();
        if (kind == "steady-traffic")
        {
            await AsyncWait.UntilAsync(async () => (await ReadAsync(api, $"/api/runs/{runId}")).GetProperty("result").ValueKind == JsonValueKind.Object,
                $"the first figures of {id}");
            await ReadBodyAsync(await api.PostAsync($"/api/runs/{runId}/stop", null), $"POST /api/runs/{id}/stop");
        }

        await AsyncWait.UntilAsync(async () => (await ReadAsync(api, $"/api/runs/{runId}")).GetProperty("status").GetString() != "running",
            $"the run of {id} to end", TimeSpan.FromMinutes(3));
    }

    /// <summary>Every part on both screens (the audience follows the presenter's keys), then the other presenter pages.</summary>
    private async Task VisitEveryScreenAsync(IPage presenter, IPage audience)
    {
        for (var part = 1; part <= 6; part++)
        {
            await presenter.Keyboard.PressAsync(part.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(audience.GetByTestId("audience-title")).ToContainTextAsync($"{part}부");
            await presenter.WaitForLoadStateAsync(LoadState.NetworkIdle);
            _seen.Add(($"presenter part {part}", await presenter.ContentAsync()));
            _seen.Add(($"audience part {part}", await audience.ContentAsync()));
        }

        foreach (var path in PresenterPages)
        {
            await presenter.GotoAsync(path);
            await BrowserFixture.WaitForInteractiveAsync(presenter);
            _seen.Add((path, await presenter.ContentAsync()));
        }
    }

    private async Task<JsonElement> ReadAsync(HttpClient api, string path) => await ReadBodyAsync(await api.GetAsync(path), "GET " + path);

    private async Task<JsonElement> ReadBodyAsync(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        _seen.Add((what, body));
        Assert.True(response.IsSuccessStatusCode, $"{what}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
