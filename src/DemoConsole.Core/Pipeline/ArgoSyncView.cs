namespace DemoConsole.Core.Pipeline;

/// <summary>The Argo CD Application that deploys the repository, as of the latest cluster snapshot.</summary>
/// <param name="AtNewRevision">Whether it compares against the CD commit already.</param>
/// <param name="Error">Its first error condition ("ComparisonError: …" when the manifests do not build), or null.</param>
public sealed record ArgoSyncView(string Namespace, string Name, string Sync, string Health, string? Revision, string? OperationPhase, string? Message,
    string? DestinationNamespace, bool AtNewRevision, string? Error = null);
