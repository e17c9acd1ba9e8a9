using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DemoConsole.Core.Actions;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace DemoConsole.Web.Tests.Host;

/// <summary><c>POST /api/stop-all</c> on the real host over the embedded sandbox: what it stops, what it answers, what it logs.</summary>
public sealed class StopAllApiTests : IDisposable
{
    private readonly AuditSink _audit = new();
    private readonly ConsoleWebFactory _factory;

    public StopAllApiTests() => _factory = new ConsoleWebFactory().WithServices(s => s.AddSingleton<ILogEventSink>(_audit));

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task StopAll_DuringSteadyTraffic_StopsItAnswersWhatItDidAndWritesTheAuditEvent()
    {
        var client = Client(ConsoleWebFactory.PresenterKey);
        var started = await client.PostAsync("/api/actions/background-traffic/run", null);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString();

        var response = await client.PostAsync("/api/stop-all", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var stopped = Assert.Single(report.GetProperty("stopped").EnumerateArray());
        Assert.Equal(runId, stopped.GetProperty("runId").GetString());
        Assert.Equal("cancelled", stopped.GetProperty("status").GetString());
        Assert.Empty(report.GetProperty("stillRunning").EnumerateArray());
        Assert.Contains(report.GetProperty("alreadyStopped").EnumerateArray(), a => a.GetProperty("actionId").GetString() == "traffic-burst");
        Assert.False(_factory.Services.GetRequiredService<ActionExecutor>().FindRun(runId!)!.IsRunning);
        var audit = Assert.Single(_audit.Events, e => e.MessageTemplate.Text.StartsWith("Stop everything by", StringComparison.Ordinal));
        Assert.Equal("\"remote\"", audit.Properties["Actor"].ToString());
        Assert.Equal("\"background-traffic\"", audit.Properties["Stopped"].ToString());
    }

    [Fact]
    public async Task StopAll_AsViewer_Is403AndStopsNothing()
    {
        var presenter = Client(ConsoleWebFactory.PresenterKey);
        var started = await presenter.PostAsync("/api/actions/background-traffic/run", null);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString();

        var response = await Client(ConsoleWebFactory.ViewerToken).PostAsync("/api/stop-all", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(_factory.Services.GetRequiredService<ActionExecutor>().FindRun(runId!)!.IsRunning);
        await presenter.PostAsync($"/api/runs/{runId}/stop", null);
    }

    private HttpClient Client(string bearer)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    /// <summary>Every log event of the host (Serilog reads sinks registered as services).</summary>
    private sealed class AuditSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => _events.ToArray();

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
