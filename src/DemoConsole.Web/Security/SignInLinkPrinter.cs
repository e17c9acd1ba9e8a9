using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DemoConsole.Web.Security;

/// <summary>
/// Prints ready-to-click links once the server listens. A generated presenter key goes to the console only,
/// never through the logger, so it does not end up in log files or a log collector.
/// </summary>
public sealed partial class SignInLinkPrinter(
    IServer server,
    IHostApplicationLifetime lifetime,
    ConsoleSecrets secrets,
    ILogger<SignInLinkPrinter> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        address = address.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal);
        if (secrets.PresenterKeyWasGenerated)
        {
            Console.WriteLine($"Presenter sign-in: {address}/signin#key={secrets.PresenterKey}");
        }
        else
        {
            Console.WriteLine($"Presenter sign-in: {address}/signin (key from DemoConsole:Auth:PresenterKey)");
        }

        Console.WriteLine(secrets.OpenWatching ? $"Audience screen:   {address}/watch" : $"Audience screen:   {address}/auth/watch?t={secrets.ViewerToken}");
        // The same view without a Blazor circuit per viewer: for hundreds of screens (docs/benchmarks.md, "Audience screens").
        Console.WriteLine(secrets.OpenWatching ? $"Large audiences:   {address}/watch/light" : $"Large audiences:   {address}/auth/watch?t={secrets.ViewerToken}&view=light");
        LogListening(address);
    }

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Demo Console listening on {Address}; sign-in links printed on the console")]
    private partial void LogListening(string address);
}
