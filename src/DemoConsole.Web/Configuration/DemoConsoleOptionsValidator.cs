using DemoConsole.Core.Cluster;
using Microsoft.Extensions.Options;

namespace DemoConsole.Web.Configuration;

/// <summary>Reports every configuration problem at once, at start-up, instead of failing on first use.</summary>
public sealed class DemoConsoleOptionsValidator : IValidateOptions<DemoConsoleOptions>
{
    private const int MinimumKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, DemoConsoleOptions options)
    {
        var problems = new List<string>();
        if (options.Auth.PresenterKey is { Length: > 0 and < MinimumKeyLength })
        {
            problems.Add($"DemoConsole:Auth:PresenterKey must be at least {MinimumKeyLength} characters.");
        }

        if (options.Auth.ViewerToken is { Length: > 0 } token && token == options.Auth.PresenterKey)
        {
            problems.Add("DemoConsole:Auth:ViewerToken must differ from the presenter key.");
        }

        if (options.Auth.SignInPerMinute < 1 || options.Auth.ApiWritesPerMinute < 1)
        {
            problems.Add("DemoConsole:Auth:SignInPerMinute and :ApiWritesPerMinute must be at least 1.");
        }

        if (!string.IsNullOrEmpty(options.Language) && !Hosting.ConsoleLanguage.IsSupported(options.Language))
        {
            problems.Add($"DemoConsole:Language: '{options.Language}' is not one of {string.Join(", ", Hosting.ConsoleLanguage.Supported)}.");
        }

        if (!string.IsNullOrWhiteSpace(options.ScenarioPath) && !File.Exists(options.ScenarioPath))
        {
            problems.Add($"DemoConsole:ScenarioPath: file '{options.ScenarioPath}' does not exist.");
        }

        if (!string.IsNullOrWhiteSpace(options.GatewayUrl) && !IsHttpUrl(options.GatewayUrl))
        {
            problems.Add($"DemoConsole:GatewayUrl: '{options.GatewayUrl}' is not an absolute http(s) URL.");
        }

        problems.AddRange(options.FrameOrigins.Where(o => !IsHttpUrl(o))
            .Select(o => $"DemoConsole:FrameOrigins: '{o}' is not an absolute http(s) URL."));

        if (options.Cluster.Mode == ClusterMode.Kubeconfig && options.Cluster.Kubeconfig is { Length: > 0 } path && !File.Exists(path))
        {
            problems.Add($"DemoConsole:Cluster:Kubeconfig: file '{path}' does not exist.");
        }

        if (options.Replicas.Election == ReplicaElection.Lease && options.Cluster.Mode == ClusterMode.Sandbox)
        {
            problems.Add("DemoConsole:Replicas:Election: Lease needs one cluster all replicas share (Cluster:Mode InCluster or Kubeconfig); "
                + "in sandbox mode each replica has its own embedded API server.");
        }

        if (options.Cluster.SandboxTimeScale is <= 0 or > 100)
        {
            problems.Add("DemoConsole:Cluster:SandboxTimeScale must be greater than 0 and at most 100.");
        }

        if (options.Load.MaxRate <= 0 || options.Load.MaxRequests <= 0 || options.Load.MaxDurationSeconds <= 0 || options.Load.MaxInFlight <= 0)
        {
            problems.Add("DemoConsole:Load: MaxRate, MaxRequests, MaxDurationSeconds and MaxInFlight must all be greater than 0.");
        }

        problems.AddRange(MetricsSourceProblems("Prometheus", options.Prometheus));
        problems.AddRange(MetricsSourceProblems("Alertmanager", options.Alertmanager));
        problems.AddRange(options.ClusterActions.Validate().Select(p => $"DemoConsole:ClusterActions: {p}"));

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Names the setting, never its value: a token or password must not end up in a start-up error.</summary>
    private static IEnumerable<string> MetricsSourceProblems(string name, MetricsSourceOptions source)
    {
        if (!string.IsNullOrWhiteSpace(source.Url) && !IsHttpUrl(source.Url))
        {
            yield return $"DemoConsole:{name}:Url: '{source.Url}' is not an absolute http(s) URL.";
        }

        if (!string.IsNullOrEmpty(source.BearerToken) && !string.IsNullOrEmpty(source.Username))
        {
            yield return $"DemoConsole:{name}: set either BearerToken or Username/Password, not both.";
        }

        if (!string.IsNullOrEmpty(source.Password) && string.IsNullOrEmpty(source.Username))
        {
            yield return $"DemoConsole:{name}:Password is set without a Username.";
        }

        if (source.TimeoutSeconds is <= 0 or > 120)
        {
            yield return $"DemoConsole:{name}:TimeoutSeconds must be greater than 0 and at most 120.";
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
