namespace DemoConsole.Sandbox;

/// <summary>Writes a kubeconfig for the sandbox that kubectl and KubernetesClient's BuildConfigFromConfigFile both accept.</summary>
internal static class KubeconfigWriter
{
    public const string ContextName = "titanium-sandbox";

    public static void Write(string path, Uri server)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // The sandbox's administrator: any token that is not a service-account token it issued (RBAC applies to those only).
        var yaml = $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {{ContextName}}
              cluster:
                server: {{server.GetLeftPart(UriPartial.Authority)}}
            users:
            - name: {{ContextName}}-user
              user:
                token: sandbox
            contexts:
            - name: {{ContextName}}
              context:
                cluster: {{ContextName}}
                user: {{ContextName}}-user
                namespace: titanium-prod
            current-context: {{ContextName}}
            preferences: {}

            """;
        File.WriteAllText(path, yaml);
    }
}
