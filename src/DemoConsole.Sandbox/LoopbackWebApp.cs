using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace DemoConsole.Sandbox;

/// <summary>
/// A bare Kestrel app on one address and port. Configuration sources are cleared so that, inside the console's
/// process, its appsettings (a "Kestrel" section, ASPNETCORE_URLS) can never add endpoints to the sandbox.
/// </summary>
internal static class LoopbackWebApp
{
    public static WebApplicationBuilder CreateBuilder(IPAddress address, int port)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, port));
        return builder;
    }
}
