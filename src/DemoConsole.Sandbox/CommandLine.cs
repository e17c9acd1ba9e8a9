using System.Globalization;

namespace DemoConsole.Sandbox;

/// <summary>Parses the standalone sandbox's arguments into options, collecting every problem at once.</summary>
internal static class CommandLine
{
    public const string Usage =
        "usage: DemoConsole.Sandbox [--api-port <port>] [--gateway-port <port>] [--prometheus-port <port>] [--github-port <port>] [--kubeconfig <path>] [--bind <address>] [--time-scale <x>]";

    public static bool IsHelp(IReadOnlyList<string> args) => args.Any(a => a is "-h" or "--help");

    public static (SandboxOptions? Options, IReadOnlyList<string> Problems) Parse(IReadOnlyList<string> args)
    {
        var options = new SandboxOptions { KubeconfigPath = Path.Combine(Environment.CurrentDirectory, "sandbox.kubeconfig") };
        var problems = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                problems.Add($"{name} needs a value.");
                continue;
            }

            var value = args[++i];
            switch (name)
            {
                case "--api-port":
                    options = options with { ApiPort = Port(name, value, problems), FallbackToFreePort = false };
                    break;
                case "--gateway-port":
                    options = options with { GatewayPort = Port(name, value, problems), FallbackToFreePort = false };
                    break;
                case "--prometheus-port":
                    options = options with { PrometheusPort = Port(name, value, problems), FallbackToFreePort = false };
                    break;
                case "--github-port":
                    options = options with { GitHubPort = Port(name, value, problems), FallbackToFreePort = false };
                    break;
                case "--kubeconfig":
                    options = options with { KubeconfigPath = Path.GetFullPath(value) };
                    break;
                case "--bind":
                    options = options with { BindAddress = value };
                    break;
                case "--time-scale":
                    if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale))
                    {
                        options = options with { TimeScale = scale };
                    }
                    else
                    {
                        problems.Add($"--time-scale must be a number (got '{value}').");
                    }

                    break;
                default:
                    problems.Add($"unknown option '{name}'.");
                    break;
            }
        }

        problems.AddRange(options.Validate());
        return (problems.Count == 0 ? options : null, problems);
    }

    private static int Port(string name, string value, List<string> problems)
    {
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) && port is >= 0 and <= 65535)
        {
            return port;
        }

        problems.Add($"{name} must be a port number 0-65535 (got '{value}').");
        return 0;
    }
}
