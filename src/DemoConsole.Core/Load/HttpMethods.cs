namespace DemoConsole.Core.Load;

/// <summary>The request methods a load plan may use, for the load caps and the scenario's <c>method</c> parameter alike.</summary>
public static class HttpMethods
{
    public static IReadOnlyList<string> Allowed { get; } = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
}
