using System.Text.Json;

namespace DemoConsole.Core.Load.Worker;

/// <summary>What the console hands a load worker process: the plan, already validated, and the caps it was validated against.</summary>
public sealed record LoadWorkerRequest(LoadPlan Plan, LoadCaps Caps);

/// <summary>
/// One line a load worker writes: a snapshot of its run (the last one is final, its state not Running), or the
/// problems that kept the run from starting.
/// </summary>
public sealed record LoadWorkerMessage(LoadSnapshot? Snapshot, IReadOnlyList<string>? Problems = null);

/// <summary>
/// The line protocol between the console and a load worker: one JSON request on the worker's standard input, then
/// the word <see cref="Stop"/> (or the end of the input) to stop the run early; one JSON message per line on its
/// standard output.
/// </summary>
public static class LoadWorkerProtocol
{
    /// <summary>The line that stops the run; closing the worker's input does the same.</summary>
    public const string Stop = "stop";

    public static string Write(LoadWorkerRequest request) => JsonSerializer.Serialize(request, LoadWorkerJsonContext.Default.LoadWorkerRequest);

    public static string Write(LoadWorkerMessage message) => JsonSerializer.Serialize(message, LoadWorkerJsonContext.Default.LoadWorkerMessage);

    public static LoadWorkerRequest? ReadRequest(string line) => JsonSerializer.Deserialize(line, LoadWorkerJsonContext.Default.LoadWorkerRequest);

    public static LoadWorkerMessage? ReadMessage(string line) => JsonSerializer.Deserialize(line, LoadWorkerJsonContext.Default.LoadWorkerMessage);

    /// <summary>
    /// Writes and reads one message, so the serializer's code for snapshots is compiled before the first burst rather
    /// than while it runs (measured: about a third of what a first burst costs the console more than a second one; the rest
    /// is compiling the screens' code for the run to its optimised tier).
    /// </summary>
    public static void WarmUp()
    {
        var plan = new LoadPlan { Target = new Uri("http://127.0.0.1/"), Model = LoadModel.Closed, Connections = 1, Count = 1 };
        var caps = new LoadCaps { AllowedTargets = [plan.Target] };
        LoadPlanValidator.TryResolve(plan, caps, out var resolved);
        var snapshot = new LoadRecorder(Guid.Empty, resolved!, TimeProvider.System, static () => { }).Snapshot();
        ReadRequest(Write(new LoadWorkerRequest(plan, caps)));
        ReadMessage(Write(new LoadWorkerMessage(snapshot)));
    }
}
