namespace DemoConsole.Sandbox.ArgoCd;

/// <summary>
/// <c>kustomize build</c> refusing a kustomization (as Argo CD's repo server reports it): a fault of the manifests in
/// Git, not of the sandbox, so Argo CD shows it on the Application instead of the sandbox recording a fault.
/// </summary>
internal sealed class KustomizeBuildException(string message) : Exception(message);
