using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Cluster.Actions;

/// <summary>A scenario's manifest path resolved to a file inside an allowed folder, or why it was refused.</summary>
public sealed record ManifestLocation(string? FullPath, UiMessage? Refusal)
{
    public bool Found => FullPath is not null;
}

/// <summary>
/// Resolves the manifest paths scenarios name (<c>k8s-manifests/overlays/solid-cloud/load-generator.yaml</c>) to files
/// inside <see cref="ClusterActionOptions.ManifestFolders"/>, and nowhere else: absolute paths, <c>..</c>, other
/// extensions and links leading out of the folder are refused before anything outside is touched.
/// A path is tried as given, then by its shorter tails (<c>overlays/solid-cloud/load-generator.yaml</c>, ...,
/// <c>load-generator.yaml</c>), so a folder may hold a checkout of the demo repository or just its manifests.
/// </summary>
public sealed class ManifestLocator(ClusterActionOptions options)
{
    private static readonly char[] Separators = ['/', '\\'];

    public ManifestLocation Resolve(string? scenarioPath)
    {
        var path = scenarioPath?.Trim() ?? "";
        if (path.Length == 0)
        {
            return Refused(new UiMessage("Cluster_NoManifest"));
        }

        if (Path.IsPathRooted(path) || path.Contains(':', StringComparison.Ordinal) || path.StartsWith('~'))
        {
            return Refused(new UiMessage("Cluster_ManifestNotRelative", path));
        }

        var segments = path.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is ".." or "."))
        {
            return Refused(new UiMessage("Cluster_ManifestDots", path));
        }

        if (!path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return Refused(new UiMessage("Cluster_ManifestNotYamlFile", path));
        }

        if (options.ManifestFolders.Count == 0)
        {
            return Refused(new UiMessage("Cluster_NoManifestFolder"));
        }

        foreach (var folder in options.ManifestFolders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))))
        {
            for (var skip = 0; skip < segments.Length; skip++)
            {
                var candidate = Path.GetFullPath(Path.Combine([folder, .. segments[skip..]]));
                if (!Inside(folder, candidate) || !File.Exists(candidate))
                {
                    continue;
                }

                return Inside(folder, Final(candidate))
                    ? new ManifestLocation(candidate, null)
                    : Refused(new UiMessage("Cluster_ManifestLinksOut", path));
            }
        }

        return Refused(new UiMessage(options.ManifestFolders.Count > 1 ? "Cluster_ManifestNotFoundFolders" : "Cluster_ManifestNotFound", path));
    }

    private static ManifestLocation Refused(UiMessage reason) => new(null, reason);

    /// <summary>The file a link finally points at (the path itself when it is no link).</summary>
    private static string Final(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static bool Inside(string folder, string path) =>
        path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
