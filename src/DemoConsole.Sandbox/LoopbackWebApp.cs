using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Sandbox;

/// <summary>
/// A bare Kestrel app on one address and port. Configuration sources are cleared so that, inside the console's
/// process, its appsettings (a "Kestrel" section, ASPNETCORE_URLS) can never add endpoints to the sandbox.
/// </summary>
internal static class LoopbackWebApp
{
    /// <param name="secure">When given, a second endpoint on a free port serves HTTPS with this certificate.</param>
    public static WebApplicationBuilder CreateBuilder(IPAddress address, int port, X509Certificate2? secure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(address, port);
            if (secure is not null)
            {
                k.Listen(address, 0, listen => listen.UseHttps(secure));
            }
        });
        return builder;
    }
}
