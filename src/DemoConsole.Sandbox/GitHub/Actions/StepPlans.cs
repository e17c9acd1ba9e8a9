namespace DemoConsole.Sandbox.GitHub.Actions;

/// <summary>
/// The steps of the seeded ci.yml and cd.yml with durations seen on hosted runners (seconds, min–max at time
/// scale 1): CI about 2.5 minutes, CD about 15 seconds, so push to new image tag takes 3 minutes or so.
/// </summary>
internal static class StepPlans
{
    public sealed record Plan(string Name, double MinSeconds, double MaxSeconds, string? FailureKey = null, bool Always = false);

    public static readonly IReadOnlyList<Plan> Ci =
    [
        new("Set up job", 1, 3),
        new("Checkout", 2, 4, "checkout"),
        new("Set up Python", 4, 8),
        new("Install dependencies", 15, 25, "install"),
        new("Run tests", 18, 30, "test"),
        new("Set up Docker Buildx", 3, 5),
        new("Build image", 35, 55, "build"),
        new("Trivy vulnerability scan", 20, 35, "trivy"),
        new("Log in to Docker Hub", 1, 3, "login"),
        new("Push image", 12, 25, "push"),
        new("Post Checkout", 0.5, 1.5, Always: true),
        new("Complete job", 0.5, 1, Always: true),
    ];

    public static readonly IReadOnlyList<Plan> Cd =
    [
        new("Set up job", 1, 3),
        new("Checkout", 2, 4),
        new("Set up Kustomize", 3, 6),
        new("Update image tag", 1, 3),
        new("Commit and push", 2, 4, "cd"),
        new("Post Checkout", 0.5, 1.5, Always: true),
        new("Complete job", 0.5, 1, Always: true),
    ];

    /// <summary>The name of the CD step whose completion pushes the manifest commit.</summary>
    public const string PushStep = "Commit and push";

    /// <summary>Seconds a run waits for a runner before it starts.</summary>
    public const double QueueMinSeconds = 3;

    public const double QueueMaxSeconds = 8;
}
