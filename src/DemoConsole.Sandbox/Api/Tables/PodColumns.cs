using System.Text.Json.Nodes;
using static DemoConsole.Sandbox.Api.Tables.Cells;

namespace DemoConsole.Sandbox.Api.Tables;

/// <summary>NAME READY STATUS RESTARTS AGE (+ IP NODE... with -o wide), with the STATUS rules of printPod.</summary>
internal static class PodColumns
{
    public static readonly IReadOnlyList<TableColumn> All =
    [
        Name(),
        new("Ready", "string", (o, _) => ReadyText(o)),
        new("Status", "string", (o, _) => StatusText(o)),
        new("Restarts", "string", (o, now) => Restarts(o, now)),
        Age(),
        new("IP", "string", (o, _) => Text(o["status"]?["podIP"]) is { Length: > 0 } ip ? ip : "<none>", 1),
        new("Node", "string", (o, _) => Text(o["spec"]?["nodeName"]) is { Length: > 0 } n ? n : "<none>", 1),
        new("Nominated Node", "string", (o, _) => "<none>", 1),
        new("Readiness Gates", "string", (o, _) => "<none>", 1),
    ];

    public static string ReadyText(JsonObject pod)
    {
        var total = Objects(pod["spec"]?["containers"]).Count();
        var ready = Objects(pod["status"]?["containerStatuses"]).Count(s => (bool?)s["ready"] == true);
        return $"{ready}/{total}";
    }

    public static string StatusText(JsonObject pod)
    {
        if (pod["metadata"]?["deletionTimestamp"] is not null)
        {
            return "Terminating";
        }

        var reason = Text(pod["status"]?["phase"]);
        foreach (var s in Objects(pod["status"]?["containerStatuses"]))
        {
            if (Text(s["state"]?["waiting"]?["reason"]) is { Length: > 0 } waiting)
            {
                reason = waiting;
            }
            else if (Text(s["state"]?["terminated"]?["reason"]) is { Length: > 0 } terminated)
            {
                reason = terminated;
            }
        }

        return reason.Length == 0 ? "Pending" : reason;
    }

    private static string Restarts(JsonObject pod, DateTimeOffset now)
    {
        var statuses = Objects(pod["status"]?["containerStatuses"]).ToList();
        var restarts = statuses.Sum(s => Int(s["restartCount"]));
        var last = statuses.Select(s => Store.Rfc3339.Parse(s["lastState"]?["terminated"]?["finishedAt"])).Where(t => t is not null).Max();
        return last is DateTimeOffset t && restarts > 0
            ? $"{restarts} ({HumanDuration.Format(now - t)} ago)"
            : Number(restarts);
    }
}
