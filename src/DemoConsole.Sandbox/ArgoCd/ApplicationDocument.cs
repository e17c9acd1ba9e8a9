using System.Text.Json.Nodes;

namespace DemoConsole.Sandbox.ArgoCd;

/// <summary>
/// Where the sandbox's Argo CD Applications live and the parts of an Application document that the controller,
/// the sync operation and the health watcher all write (status, the automated operation), shaped as in the Argo CD
/// reference.
/// </summary>
internal static class ApplicationDocument
{
    public const string Namespace = "argocd";

    /// <summary>The automated sync operation for <paramref name="revision"/> (Argo CD's retry limit 5 is recorded, not simulated).</summary>
    public static JsonObject Operation(JsonObject app, string revision) => new()
    {
        ["sync"] = new JsonObject { ["revision"] = revision, ["prune"] = (bool?)app["spec"]?["syncPolicy"]?["automated"]?["prune"] ?? false },
        ["initiatedBy"] = new JsonObject { ["automated"] = true },
        ["retry"] = new JsonObject { ["limit"] = 5 },
    };

    /// <summary>The app's status object, created when it has none yet.</summary>
    public static JsonObject Status(JsonObject app)
    {
        if (app["status"] is not JsonObject status)
        {
            status = [];
            app["status"] = status;
        }

        return status;
    }
}
