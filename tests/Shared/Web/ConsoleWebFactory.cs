using DemoConsole.Web.Components;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DemoConsole.Tests.Shared.Web;

/// <summary>
/// The real console host for tests, with known keys. Compiled into the web and browser test projects
/// (linked source) so that test projects without a web dependency do not pay for it.
/// </summary>
public class ConsoleWebFactory : WebApplicationFactory<App>
{
    public const string PresenterKey = "test-presenter-key-0123456789";
    public const string ViewerToken = "test-viewer-token-0123456789";

    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal)
    {
        ["DemoConsole:Auth:PresenterKey"] = PresenterKey,
        ["DemoConsole:Auth:ViewerToken"] = ViewerToken,
        ["DemoConsole:Cluster:SandboxApiPort"] = "0",
        ["DemoConsole:Cluster:SandboxGatewayPort"] = "0",
        ["DemoConsole:Cluster:SandboxGitHubPort"] = "0",
        ["DemoConsole:Cluster:SandboxPrometheusPort"] = "0",
        ["Serilog:MinimumLevel:Default"] = "Warning",
        // Each console under test keeps its session in its own file, never in the user's.
        ["DemoConsole:StateFile"] = Path.Combine(Path.GetTempPath(), "demo-console-tests", Guid.NewGuid().ToString("n"), "session.json"),
    };

    private Action<IServiceCollection>? _services;

    public ConsoleWebFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public ConsoleWebFactory WithServices(Action<IServiceCollection> services)
    {
        _services += services;
        return this;
    }

    /// <summary>Starts a real Kestrel on a loopback port (free unless given, for a restart on the same address) and returns its address.</summary>
    public Uri StartKestrel(int port = 0)
    {
        UseKestrel(port);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseUrls("http://127.0.0.1:0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }
}
