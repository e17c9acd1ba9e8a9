using DemoConsole.Core.Actions;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Panels;
using k8s;
using k8s.Models;

namespace DemoConsole.Core.Cluster;

/// <summary>Runs the pre-flight checks with fresh reads (not the live views' cache: a checklist wants the truth now).</summary>
public sealed class PreflightChecks(IClusterConnection connection, IGatewayAddress? gatewayAddress, FrameProbe frameProbe, HttpClient http,
    TimeProvider time, ClusterViewsOptions options, Pipeline.IRepositoryAccessCheck? repositories = null) : IPreflightChecks
{
    /// <summary>How long one check may take before it counts as failed.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(10);

    public const string LoadGeneratorSelector = "app=load-generator";

    public async Task<IReadOnlyList<PreflightResult>> RunAsync(PreflightRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var checks = new List<(string Id, UiMessage Name, Func<CancellationToken, Task<Outcome>> Run)>();
        checks.AddRange(options.Namespaces.Select(ns => ($"pods:{ns}", new UiMessage("Preflight_Pods", ns),
            (Func<CancellationToken, Task<Outcome>>)(ct => PodsAsync(ns, ct)))));
        checks.Add(("gateway", new UiMessage("Preflight_Gateway"), ct => GatewayAsync(request.Gateway ?? gatewayAddress?.Gateway, ct)));
        checks.AddRange(request.Panels.Select(p => ($"panel:{p.Id}", new UiMessage("Preflight_Panel", p.Title),
            (Func<CancellationToken, Task<Outcome>>)(ct => PanelAsync(p, request.ConsoleOrigin, ct)))));
        if (repositories is not null)
        {
            checks.AddRange((request.Repositories ?? []).Select(t => ($"github:{t.FullName}", new UiMessage("Preflight_GitHub", t.FullName, t.Branch, t.Path),
                (Func<CancellationToken, Task<Outcome>>)(async ct =>
                {
                    var report = await repositories.CheckAsync(t, ct);
                    // Each item's own message, so the screen shows them in its language (a list renders joined by "; ").
                    var missing = report.Items.Where(i => !i.Passed).Select(i => new UiMessage("Preflight_GitHubItem", i.Name, i.Text)).ToList();
                    return new Outcome(report.Passed, new UiMessage("Preflight_GitHubItems", report.Items.Select(i => i.Text).ToList()),
                        report.Passed ? null : new UiMessage("Preflight_GitHubMissing", missing));
                }))));
        }

        checks.Add(("load-generator", new UiMessage("Preflight_LoadGenerator", options.ApplicationNamespace, LoadGeneratorSelector), LoadGeneratorAsync));
        return await Task.WhenAll(checks.Select(c => RunOneAsync(c.Id, c.Name, c.Run, cancellationToken)));
    }

    private async Task<PreflightResult> RunOneAsync(string id, UiMessage name, Func<CancellationToken, Task<Outcome>> run, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(CheckTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // Yield first so that one check's synchronous start (building a client, say) never delays the others.
            await Task.Yield();
            var outcome = await run(linked.Token);
            return new PreflightResult(id, name, outcome.Passed, outcome.Finding, time.GetUtcNow(), outcome.Remedy);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new PreflightResult(id, name, false, new UiMessage("Preflight_Timeout", CheckTimeout.TotalSeconds), time.GetUtcNow());
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new PreflightResult(id, name, false, FailureText.Describe(name, ex), time.GetUtcNow());
        }
    }

    private async Task<Outcome> PodsAsync(string ns, CancellationToken cancellationToken)
    {
        var pods = (await connection.Client.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: cancellationToken)).Items
            .Where(p => p.Status?.Phase != "Succeeded") // finished Jobs are not a problem
            .Select(PodViews.From)
            .ToList();
        if (pods.Count == 0)
        {
            return new Outcome(false, new UiMessage("Preflight_NoPods", ns), new UiMessage("Preflight_NoPodsFix", ns));
        }

        var bad = pods.Where(p => !p.IsRunningAndReady).ToList();
        return bad.Count == 0
            ? new Outcome(true, new UiMessage("Preflight_PodsReady", pods.Count), null)
            : new Outcome(false, new UiMessage("Preflight_PodsNotReady", bad.Count, pods.Count, string.Join(", ", bad.Select(p => $"{p.Name} ({p.Status}, {p.Ready})"))),
                UiMessage.Verbatim($"kubectl describe pod -n {ns} {bad[0].Name}"));
    }

    private async Task<Outcome> GatewayAsync(Uri? gateway, CancellationToken cancellationToken)
    {
        if (gateway is null)
        {
            return new Outcome(false, new UiMessage("Preflight_NoGateway"), new UiMessage("Preflight_NoGatewayFix"));
        }

        var url = new Uri(gateway, "/blog/");
        var started = time.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var ms = time.GetElapsedTime(started).TotalMilliseconds;
            var status = (int)response.StatusCode;
            return status == 200
                ? new Outcome(true, new UiMessage("Preflight_GatewayOk", url, Math.Round(ms)), null)
                : new Outcome(false, new UiMessage("Preflight_GatewayStatus", url, $"{status} {response.ReasonPhrase}", Math.Round(ms)), new UiMessage("Preflight_GatewayStatusFix"));
        }
        catch (HttpRequestException ex)
        {
            return new Outcome(false, new UiMessage("Preflight_GatewayFailed", url, ex.Message), new UiMessage("Preflight_GatewayFailedFix"));
        }
    }

    private async Task<Outcome> PanelAsync(Scenarios.PanelDefinition panel, Uri origin, CancellationToken cancellationToken)
    {
        var url = PanelUrls.FrameUrl(panel);
        var probe = await frameProbe.ProbeAsync(url, origin, cancellationToken);
        return probe.CanShow ? new Outcome(true, new UiMessage("Preflight_PanelOk", url, origin.GetLeftPart(UriPartial.Authority)), null)
            : new Outcome(false, probe.Problem ?? new UiMessage("Preflight_PanelCannotShow", url), probe.Fix);
    }

    private async Task<Outcome> LoadGeneratorAsync(CancellationToken cancellationToken)
    {
        var ns = options.ApplicationNamespace;
        var deployments = (await connection.Client.AppsV1.ListNamespacedDeploymentAsync(ns, labelSelector: LoadGeneratorSelector, cancellationToken: cancellationToken)).Items;
        if (deployments.Count == 0)
        {
            return new Outcome(false, new UiMessage("Preflight_NoLoadGenerator", LoadGeneratorSelector, ns), new UiMessage("Preflight_NoLoadGeneratorFix"));
        }

        var running = deployments.Where(d => (d.Status?.ReadyReplicas ?? 0) >= 1).ToList();
        var text = string.Join(", ", deployments.Select(d => $"{d.Metadata.Name} {d.Status?.ReadyReplicas ?? 0}/{d.Spec?.Replicas ?? 1} ready"));
        return running.Count > 0 ? new Outcome(true, new UiMessage("Preflight_LoadGeneratorRunning", text), null)
            : new Outcome(false, new UiMessage("Preflight_LoadGeneratorNotReady", text), UiMessage.Verbatim($"kubectl get pods -n {ns} -l {LoadGeneratorSelector}"));
    }

    /// <summary>A check's verdict before it is stamped with its id, title and time.</summary>
    private sealed record Outcome(bool Passed, UiMessage Finding, UiMessage? Remedy);
}
