namespace DemoConsole.Web.Configuration;

/// <summary>
/// Secrets from mounted files, the way a Kubernetes Secret volume hands them to a pod: for each secret setting
/// <c>X</c>, a setting <c>XFile</c> (e.g. <c>DemoConsole:Auth:PresenterKeyFile=/run/secrets/console/presenter-key</c>)
/// names a file whose content becomes <c>X</c>. Read once at start; a trailing line break (as <c>echo</c> or
/// <c>kubectl create secret --from-file</c> may leave) is dropped. Secrets are never baked into the image or a ConfigMap.
/// </summary>
public static class SecretFiles
{
    /// <summary>Every setting that holds a secret.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "DemoConsole:Auth:PresenterKey",
        "DemoConsole:Auth:ViewerToken",
        "DemoConsole:GitHub:Token",
        "DemoConsole:Prometheus:BearerToken",
        "DemoConsole:Prometheus:Password",
        "DemoConsole:Alertmanager:BearerToken",
        "DemoConsole:Alertmanager:Password",
        // A Redis connection string may carry its password.
        "DemoConsole:Redis",
    ];

    /// <summary>
    /// The values read from the configured files. A file that cannot be read, or a secret given both directly and as a
    /// file, stops the start with every such problem listed.
    /// </summary>
    public static Dictionary<string, string?> Read(IConfiguration configuration)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        foreach (var key in Keys)
        {
            if (configuration[key + "File"] is not { Length: > 0 } path)
            {
                continue;
            }

            if (!string.IsNullOrEmpty(configuration[key]))
            {
                problems.Add($"{key} and {key}File are both set; give the secret one way only.");
                continue;
            }

            try
            {
                values[key] = File.ReadAllText(path).TrimEnd('\r', '\n');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{key}File: cannot read {path}: {ex.Message}");
            }
        }

        return problems.Count == 0
            ? values
            : throw new InvalidOperationException("The console cannot start: " + string.Join(" ", problems));
    }
}
