namespace DemoConsole.Core.Cluster.Actions;

/// <summary>A scenario's manifest path resolved to a file inside an allowed folder, or why it was refused.</summary>
public sealed record ManifestLocation(string? FullPath, string? Refusal)
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
            return Refused("The action names no 'manifest'.");
        }

        if (Path.IsPathRooted(path) || path.Contains(':', StringComparison.Ordinal) || path.StartsWith('~'))
        {
            return Refused($"Manifest '{path}' is refused: only paths relative to the manifest folder are allowed.");
        }

        var segments = path.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is ".." or "."))
        {
            return Refused($"Manifest '{path}' is refused: '..' and '.' are not allowed in manifest paths.");
        }

        if (!path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return Refused($"Manifest '{path}' is refused: only .yaml and .yml files are manifests.");
        }

        if (options.ManifestFolders.Count == 0)
        {
            return Refused("No manifest folder is configured, so no manifest can be applied.");
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
                    : Refused($"Manifest '{path}' is refused: it links to a file outside the manifest folder.");
            }
        }

        return Refused($"Manifest '{path}' was not found in the manifest folder{(options.ManifestFolders.Count > 1 ? "s" : "")}.");
    }

    private static ManifestLocation Refused(string reason) => new(null, reason);

    /// <summary>The file a link finally points at (the path itself when it is no link).</summary>
    private static string Final(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static bool Inside(string folder, string path) =>
        path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
