using DemoConsole.Core.Actions;
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
        var checks = new List<(string Id, string Name, Func<CancellationToken, Task<(bool, string, string?)>> Run)>();
        checks.AddRange(options.Namespaces.Select(ns => ($"pods:{ns}", $"Pods in {ns} Running and Ready",
            (Func<CancellationToken, Task<(bool, string, string?)>>)(ct => PodsAsync(ns, ct)))));
        checks.Add(("gateway", "Gateway answers GET /blog/ with 200", ct => GatewayAsync(request.Gateway ?? gatewayAddress?.Gateway, ct)));
        checks.AddRange(request.Panels.Select(p => ($"panel:{p.Id}", $"Panel '{p.Title}' reachable and embeddable",
            (Func<CancellationToken, Task<(bool, string, string?)>>)(ct => PanelAsync(p, request.ConsoleOrigin, ct)))));
        if (repositories is not null)
        {
            checks.AddRange((request.Repositories ?? []).Select(t => ($"github:{t.FullName}", $"GitHub: {t.FullName} ({t.Branch}, {t.Path}) readable, Actions readable",
                (Func<CancellationToken, Task<(bool, string, string?)>>)(async ct =>
                {
                    var report = await repositories.CheckAsync(t, ct);
                    return (report.Passed, string.Join(" ", report.Items.Select(i => i.Detail)), report.Passed ? null : "Missing: " + string.Join("; ", report.Missing));
                }))));
        }

        checks.Add(("load-generator", $"Load generator running ({options.ApplicationNamespace}, {LoadGeneratorSelector})", LoadGeneratorAsync));
        return await Task.WhenAll(checks.Select(c => RunOneAsync(c.Id, c.Name, c.Run, cancellationToken)));
    }

    private async Task<PreflightResult> RunOneAsync(string id, string name, Func<CancellationToken, Task<(bool, string, string?)>> run, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(CheckTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // Yield first so that one check's synchronous start (building a client, say) never delays the others.
            await Task.Yield();
            var (passed, detail, fix) = await run(linked.Token);
            return new PreflightResult(id, name, passed, detail, time.GetUtcNow(), fix);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new PreflightResult(id, name, false, $"No answer within {CheckTimeout.TotalSeconds:0} s.", time.GetUtcNow());
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new PreflightResult(id, name, false, FailureText.Describe(name.ToLowerInvariant(), ex), time.GetUtcNow());
        }
    }

    private async Task<(bool, string, string?)> PodsAsync(string ns, CancellationToken cancellationToken)
    {
        var pods = (await connection.Client.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: cancellationToken)).Items
            .Where(p => p.Status?.Phase != "Succeeded") // finished Jobs are not a problem
            .Select(PodViews.From)
            .ToList();
        if (pods.Count == 0)
        {
            return (false, $"No pods in {ns}.", $"Check that the {ns} workloads are deployed (kubectl get all -n {ns}).");
        }

        var bad = pods.Where(p => !p.IsRunningAndReady).ToList();
        return bad.Count == 0
            ? (true, $"All {pods.Count} pods Running and Ready.", null)
            : (false, $"{bad.Count} of {pods.Count} pods not Running and Ready: {string.Join(", ", bad.Select(p => $"{p.Name} ({p.Status}, {p.Ready})"))}.",
                $"kubectl describe pod -n {ns} {bad[0].Name}");
    }

    private async Task<(bool, string, string?)> GatewayAsync(Uri? gateway, CancellationToken cancellationToken)
    {
        if (gateway is null)
        {
            return (false, "No gateway address is configured.", "Set the gateway URL in the scenario or the console's configuration.");
        }

        var url = new Uri(gateway, "/blog/");
        var started = time.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var ms = time.GetElapsedTime(started).TotalMilliseconds;
            var status = (int)response.StatusCode;
            return status == 200
                ? (true, $"GET {url} answered 200 in {ms:0} ms.", null)
                : (false, $"GET {url} answered {status} {response.ReasonPhrase} in {ms:0} ms.", "Check the gateway and blog-service pods and the route.");
        }
        catch (HttpRequestException ex)
        {
            return (false, $"GET {url} failed: {ex.Message}", "Check that the gateway's NodePort is reachable from this machine.");
        }
    }

    private async Task<(bool, string, string?)> PanelAsync(Scenarios.PanelDefinition panel, Uri origin, CancellationToken cancellationToken)
    {
        var url = PanelUrls.FrameUrl(panel);
        var probe = await frameProbe.ProbeAsync(url, origin, cancellationToken);
        return probe.CanShow ? (true, $"{url} is reachable and may be framed by {origin.GetLeftPart(UriPartial.Authority)}.", null)
            : (false, probe.Problem ?? $"{url} cannot be shown.", probe.Fix);
    }

    private async Task<(bool, string, string?)> LoadGeneratorAsync(CancellationToken cancellationToken)
    {
        var ns = options.ApplicationNamespace;
        var deployments = (await connection.Client.AppsV1.ListNamespacedDeploymentAsync(ns, labelSelector: LoadGeneratorSelector, cancellationToken: cancellationToken)).Items;
        if (deployments.Count == 0)
        {
            return (false, $"No deployment labelled {LoadGeneratorSelector} in {ns}.", "Deploy it: kubectl apply -f load-generator.yaml (or the console's deploy action).");
        }

        var running = deployments.Where(d => (d.Status?.ReadyReplicas ?? 0) >= 1).ToList();
        var text = string.Join(", ", deployments.Select(d => $"{d.Metadata.Name} {d.Status?.ReadyReplicas ?? 0}/{d.Spec?.Replicas ?? 1} ready"));
        return running.Count > 0 ? (true, $"Running: {text}.", null)
            : (false, $"Deployed but not ready: {text}.", $"kubectl get pods -n {ns} -l {LoadGeneratorSelector}");
    }
}
