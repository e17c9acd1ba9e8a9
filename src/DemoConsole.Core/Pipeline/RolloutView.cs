namespace DemoConsole.Core.Pipeline;

/// <summary>The deployment rolling to the new image: pods with the new image Ready out of desired, and old pods left.</summary>
public sealed record RolloutView(string Namespace, string Deployment, string Image, int Desired, int NewPods, int NewReady, int OldPods)
{
    public bool Complete => Desired > 0 && NewReady >= Desired;
}
