namespace DemoConsole.Sandbox.Controllers.Faults;

/// <summary>A fault on a deployment's pods; <see cref="Image"/> is the missing image an image-pull fault patched in.</summary>
internal sealed record ActiveFault(string Namespace, string Deployment, FaultKind Kind, DateTimeOffset Since, string? Image = null);
