namespace DemoConsole.Sandbox.Gateway;

/// <summary>
/// One edge a request crossed: client and server workload with the version label of the pod that took part
/// (null server: the client found no healthy endpoint, so only its own proxy reports, with "unknown" destination).
/// </summary>
internal sealed record MeshHop(MeshWorkload Client, string ClientVersion, MeshWorkload Server, string? ServerVersion);
