using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Observability;
using DemoConsole.Core.Session;

namespace DemoConsole.Core.Recording;

/// <summary>
/// Names of the recorded streams. A stream is one kind of snapshot a screen follows, plus a key where the same kind
/// comes in several variants (Golden Signals per window, a log tail per pod): the recorder files what a screen saw
/// under it, and a replay hands the recorded snapshots back to the screen that asks under the same name.
/// </summary>
public static class RecordingStreams
{
    public const string Session = "SessionSnapshot";

    public const string Runs = "RunBoard";

    /// <summary>
    /// The kinds of snapshot a recording keeps and a replay shows: what the audience screen and the presenter's panels
    /// show. The scenario, the presenter's own choices and the recorder's and replay's own states are not among them.
    /// </summary>
    private static readonly HashSet<Type> Recorded =
    [
        typeof(SessionSnapshot), typeof(RunBoard), typeof(ClusterViewsSnapshot), typeof(GoldenSignalsSnapshot),
        typeof(ServiceGraphSnapshot), typeof(AlertsSnapshot), typeof(LogTailSnapshot),
    ];

    public static bool IsRecorded(Type type) => Recorded.Contains(type);

    public static string For<T>(string? key = null) => For(typeof(T), key);

    public static string For(Type type, string? key = null) => key is null ? type.Name : type.Name + ":" + key;

    /// <summary>The snapshot type's name of a stream name (before the key).</summary>
    public static string TypeName(string stream) => stream.Split(':', 2)[0];
}
