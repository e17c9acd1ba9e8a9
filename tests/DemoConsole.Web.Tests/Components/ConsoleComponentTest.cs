using Bunit;
using Bunit.TestDoubles;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Observability;
using DemoConsole.Core.Panels;
using DemoConsole.Core.Recording;
using DemoConsole.Core.Recording.Replay;
using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Security;
using DemoConsole.Core.Session;
using DemoConsole.Tests.Shared;
using DemoConsole.Tests.Shared.Web;
using DemoConsole.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;
using DemoConsole.Web.Configuration;
using DemoConsole.Web.Hosting;
using Microsoft.Extensions.Options;

namespace DemoConsole.Web.Tests.Components;

/// <summary>
/// A bunit context with the console's real session and executor over a small typed scenario, MudBlazor with
/// no transition delays, and an interactive renderer (the components only go live when interactive).
/// </summary>
public abstract class ConsoleComponentTest : BunitContext, IAsyncLifetime
{
    protected static readonly Actor Alice = Actor.Presenter("alice");

    static ConsoleComponentTest()
    {
        // Live components pace their renders (LiveSubscription); on a busy CI machine a second is not always enough.
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
    }

    protected ConsoleComponentTest()
    {
        // The tests read English text; a test of the Korean screen says so with UseLanguage("ko").
        UseLanguage("en");
        Scenario = TestScenarios.ThreeParts(
            TestScenarios.Action("burst", "gated", part: 3),
            TestScenarios.Action("kill", "pod-kill", part: 3),
            TestScenarios.Action("restart", "confirming", part: 3));
        Source = new TestScenarioSource(Scenario);
        Services.AddLocalization();
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton<IScenarioSource>(Source);
        Services.AddSingleton(new DemoSession(Source, Time, NullLogger<DemoSession>.Instance));
        Services.AddSingleton(Handler);
        Services.AddSingleton(sp => new ActionExecutor(Source, [Handler, Confirming, .. MoreHandlers], TimeProvider.System, NullLogger<ActionExecutor>.Instance));
        Services.AddSingleton<PresenterPreferences>();
        Services.AddSingleton<ReplayScreens>();
        Services.AddSingleton(sp => new ReplayPlayer(sp.GetRequiredService<ReplayScreens>(), Time, NullLogger<ReplayPlayer>.Instance));
        Services.AddSingleton(sp => new Recorder(new RecorderSettings(null, false, "Sandbox", () => []), sp.GetRequiredService<DemoSession>(),
            sp.GetRequiredService<ActionExecutor>(), Source, Time, NullLogger<Recorder>.Instance));
        Services.AddSingleton<RehearsalRuns>();
        Services.AddSingleton<IClusterViews>(ClusterViews);
        Services.AddSingleton<ILogTail>(new TestLogTail());
        Services.AddSingleton<IMetricsFeeds>(Metrics);
        Services.AddSingleton<PanelModes>();
        Services.AddSingleton<IPreflightChecks>(Preflight);
        Services.AddSingleton<IClusterConnection>(new ClusterConnection(() => new ClusterTarget(ClusterMode.Kubeconfig, "/etc/demo/kubeconfig", "stage")));
        var options = Options.Create(new DemoConsoleOptions());
        Services.AddSingleton<IGatewayAddress>(new GatewayAddress(options, Source));
        Services.AddSingleton(new EmbeddedSandbox(options, new GatewayAddress(options, Source), new MetricsEndpoints(options), NullLogger<EmbeddedSandbox>.Instance));
        Services.AddSingleton(new FrameProbe(new HandlerHttpClientFactory(new PanelHandler(() => PanelsReachable)), Time, NullLogger<FrameProbe>.Instance));
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
        Auth = AddAuthorization();
        Auth.SetAuthorized("alice");
        Auth.SetRoles("presenter");
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected BunitAuthorizationContext Auth { get; }

    /// <summary>The pre-flight checks the Preflight page runs: set <see cref="TestPreflightChecks.Results"/>.</summary>
    protected TestPreflightChecks Preflight { get; } = new();

    /// <summary>Renders from here on in <paramref name="language"/>, as ScreenLanguageProvider would set it for a request.</summary>
    protected static void UseLanguage(string language)
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(language);
        System.Globalization.CultureInfo.CurrentCulture = ConsoleLanguage.FormatCulture(language);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only IAsyncDisposable, so the container must be disposed asynchronously.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>Real time: live subscriptions pace renders with it, and a fake clock would stall them between advances.</summary>
    protected TimeProvider Time { get; } = TimeProvider.System;

    protected Scenario Scenario { get; }

    protected TestScenarioSource Source { get; }

    protected GatedActionHandler Handler { get; } = new();

    /// <summary>The handler of the "restart" action, which asks first with a server-side preview.</summary>
    protected GatedActionHandler Confirming { get; } = new("confirming") { Confirmation = DemoConsole.Core.Actions.Kinds.ConfirmationStyle.Preview };

    /// <summary>Handlers of further kinds a test class adds in its constructor (the executor is built on first use).</summary>
    protected List<IActionHandler> MoreHandlers { get; } = [];

    /// <summary>Starts as before the first list from the cluster, so tests see the waiting state too.</summary>
    protected TestClusterViews ClusterViews { get; } = new(ClusterViewsSnapshot.Empty(ClusterViewsOptions.DefaultNamespaces, "titanium-prod", DateTimeOffset.UnixEpoch));

    /// <summary>False: every panel is unreachable ("Connection refused"); true: every panel answers and allows framing.</summary>
    protected bool PanelsReachable { get; set; }

    /// <summary>Starts before the first round from Prometheus; tests publish what it answers.</summary>
    protected TestMetricsFeeds Metrics { get; } = new();

    protected DemoSession Session => Services.GetRequiredService<DemoSession>();

    protected ActionExecutor Executor => Services.GetRequiredService<ActionExecutor>();

    protected PresenterContext ContextFor(Actor actor) => new(actor, Session.Snapshot, Source.Current);

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }

    /// <summary>Panels in component tests point at hosts that do not exist; no request leaves the test.</summary>
    private sealed class PanelHandler(Func<bool> reachable) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            reachable() ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)) : throw new HttpRequestException("Connection refused (test)");
    }
}
