using System.Net;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Actions.Kinds;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>
/// Runs <c>apply-manifest</c> (server-side apply, field manager from the options, then waits for applied Deployments
/// to be Ready) and <c>delete-manifest</c> (deletes each object of the manifest). The manifest comes only from the
/// scenario and only from an allowed folder; every object is checked (kind, allow-listed namespace, and for
/// deletes protected workloads) before the first write, so a bad manifest changes nothing. A delete previewed first
/// deletes exactly the objects its preview listed.
/// </summary>
public sealed class ManifestActionHandler(
    ActionKindDescriptor descriptor,
    IClusterConnection cluster,
    ManifestLocator locator,
    ClusterGuardRails rails,
    DeploymentRollouts rollouts,
    SessionDeployments created,
    TimeProvider time) : IActionHandler
{
    public ActionKindDescriptor Descriptor { get; } = descriptor == ManifestActionKinds.Apply || descriptor == ManifestActionKinds.Delete
        ? descriptor
        : throw new ArgumentException($"'{descriptor.Name}' is not a manifest action kind.", nameof(descriptor));

    private bool Applies => Descriptor == ManifestActionKinds.Apply;

    public UiMessage? Validate(ActionDefinition action) =>
        locator.Resolve(Manifest(action)).Refusal ?? rails.CheckNamespace(rails.NamespaceOf(action));

    /// <summary>The objects the run would touch, read and checked now; they are the pin a confirmed run uses.</summary>
    public async Task<ActionPreview> PreviewAsync(ActionDefinition action, CancellationToken cancellationToken)
    {
        var manifest = Manifest(action) ?? "";
        var (objects, problem) = await ReadAsync(action, cancellationToken);
        if (objects is null)
        {
            return ActionPreview.Refused(problem!.Message, $"manifest {manifest}");
        }

        var list = string.Join(", ", objects.Select(o => o.Describe()));
        var listed = objects.Select(o => o.Text).Aggregate((a, b) => new UiMessage("Cluster_ListComma", a, b));
        return new ActionPreview(new UiMessage(Applies ? "Cluster_ApplyPreview" : "Cluster_DeletePreview", manifest, listed), list, true, null, objects);
    }

    public async Task<ActionOutcome> RunAsync(ActionRunContext context, CancellationToken cancellationToken)
    {
        var manifest = Manifest(context.Action) ?? "";
        var (objects, problem) = context.Pin is IReadOnlyList<ManifestObject> confirmed
            ? Checked(manifest, confirmed)
            : await ReadAsync(context.Action, cancellationToken);
        if (objects is null)
        {
            return problem!;
        }

        var results = objects.Select(o => new ManifestObjectResult(o.Kind, o.Name, o.Namespace, "pending")).ToList();
        var result = new ManifestRunResult(manifest, Applies ? "apply" : "delete", results);
        var client = cluster.Client;
        for (var i = 0; i < objects.Count; i++)
        {
            var o = objects[i];
            var operations = ManifestKinds.Find(o)!;
            string outcome;
            try
            {
                if (Applies)
                {
                    var applied = await operations.ApplyAsync(client, new V1Patch(o.Body.ToJsonString(), V1Patch.PatchType.ApplyPatch), o.Name, o.Namespace,
                        rails.Options.FieldManager, cancellationToken);
                    if (applied.Created)
                    {
                        created.RecordCreated(new CreatedObject(o.ApiVersion, o.Kind, o.Name, o.Namespace, applied.Uid, context.RunId, time.GetUtcNow()));
                    }

                    outcome = "applied";
                }
                else
                {
                    outcome = await DeleteAsync(client, operations, o, cancellationToken);
                    created.RecordRemoved(o.Kind, o.Namespace, o.Name, time.GetUtcNow(), new UiMessage("Cluster_RemovedByRun", outcome, context.RunId));
                }
            }
            catch (HttpOperationException e)
            {
                return ActionOutcome.Failed(new UiMessage("Cluster_ObjectRefused", o.Text, ApiErrors.Describe(e)), result);
            }

            results[i] = results[i] with { Outcome = outcome };
            result = result with { Objects = results.ToList() };
            context.Report(result);
        }

        if (Applies)
        {
            result = await WaitForDeploymentsAsync(context, objects, result, cancellationToken);
            if (result.Rollouts.Any(r => !r.Done))
            {
                return ActionOutcome.Failed(new UiMessage("Cluster_AppliedNotReady", manifest, rails.Options.RolloutTimeout.TotalSeconds), result);
            }
        }

        var summary = string.Join(", ", result.Objects.Select(o => $"{o.Kind.ToLowerInvariant()}/{o.Name} {o.Outcome}"));
        return ActionOutcome.Succeeded(new UiMessage(Applies ? "Cluster_Applied" : "Cluster_Deleted", manifest, summary), result);
    }

    private UiMessage? Refusal(IReadOnlyList<ManifestObject> objects)
    {
        if (objects.Count == 0)
        {
            return new UiMessage("Cluster_ManifestEmpty");
        }

        foreach (var o in objects)
        {
            if (ManifestKinds.Find(o) is null)
            {
                return new UiMessage("Cluster_KindNotSupported", o.Kind, o.ApiVersion, ManifestKinds.Supported);
            }

            if ((rails.CheckNamespace(o.Namespace) ?? (Applies ? null : rails.CheckWorkload(o.Kind, o.Name, Labels(o)))) is { } refused)
            {
                return new UiMessage("Cluster_ObjectProblem", o.Text, refused);
            }
        }

        return null;
    }

    private static async Task<string> DeleteAsync(IKubernetes client, ManifestKinds.Operations operations, ManifestObject o, CancellationToken cancellationToken)
    {
        try
        {
            await operations.DeleteAsync(client, o.Name, o.Namespace, null, cancellationToken);
            return "deleted";
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return "absent";
        }
    }

    private async Task<ManifestRunResult> WaitForDeploymentsAsync(ActionRunContext context, IReadOnlyList<ManifestObject> objects, ManifestRunResult result, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(rails.Options.RolloutTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        foreach (var d in objects.Where(o => o.Kind == "Deployment"))
        {
            var done = result.Rollouts.Count;
            RolloutProgress? last = null;
            try
            {
                last = await rollouts.WaitAsync(d.Namespace, d.Name, "apply", null, p =>
                {
                    last = p;
                    context.Report(result with { Rollouts = [.. result.Rollouts.Take(done), p] });
                }, linked.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
            }

            if (last is not null)
            {
                result = result with { Rollouts = [.. result.Rollouts, last] };
            }
        }

        return result;
    }

    private static IEnumerable<KeyValuePair<string, string>> Labels(ManifestObject o) =>
        (o.Body["metadata"]?["labels"] as System.Text.Json.Nodes.JsonObject)?.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.ToString() ?? "")) ?? [];

    /// <summary>The manifest's objects, each checked against the guard rails; or null and the refused or failed outcome.</summary>
    private async Task<(IReadOnlyList<ManifestObject>? Objects, ActionOutcome? Problem)> ReadAsync(ActionDefinition action, CancellationToken cancellationToken)
    {
        var manifest = Manifest(action) ?? "";
        var location = locator.Resolve(manifest);
        var refused = location.Refusal ?? rails.CheckNamespace(rails.NamespaceOf(action));
        if (refused is not null || location.FullPath is not { } file)
        {
            return (null, ActionOutcome.Refused(refused ?? new UiMessage("Actions_Refused")));
        }

        try
        {
            return Checked(manifest, ManifestObjects.Parse(await File.ReadAllTextAsync(file, cancellationToken), rails.NamespaceOf(action)));
        }
        catch (ManifestFormatException e)
        {
            return (null, ActionOutcome.Failed(new UiMessage("Cluster_ManifestProblem", manifest, e.Text)));
        }
    }

    /// <summary>The guard rails again, right before the first write: a confirmed list may be a minute old.</summary>
    private (IReadOnlyList<ManifestObject>? Objects, ActionOutcome? Problem) Checked(string manifest, IReadOnlyList<ManifestObject> objects) =>
        Refusal(objects) is { } refusal ? (null, ActionOutcome.Refused(new UiMessage("Cluster_ManifestRefused", manifest, refusal))) : (objects, null);

    private static string? Manifest(ActionDefinition action) => ManifestActionKinds.Manifest.Text(action);
}
