using DemoConsole.Web.Configuration;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using DemoConsole.Web.Replicas;

namespace DemoConsole.Web.Security;

/// <summary>
/// The data-protection keys that sign the sign-in cookies live in a <c>keys</c> folder beside the session state file,
/// so a restarted console (a new pod on the same state volume) still accepts the cookies it gave out. Without a state
/// file they stay in memory, as before: a restart signs everyone out. The folder must be as private as the state.
/// Replicas sharing a Redis (<c>DemoConsole:Redis</c>) keep the keys there instead, one key ring for all of them.
/// </summary>
public static class DataProtectionKeys
{
    public const string ApplicationName = "DemoConsole";

    public static IServiceCollection AddPersistedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        // Bound from configuration here, not through the validated options: the pipeline resolves data protection while
        // the app is built, and a configuration problem must still be reported at start with all the others.
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, ILoggerFactory, IServiceProvider>((keys, configuration, loggers, provider) =>
        {
            var console = configuration.GetSection(DemoConsoleOptions.SectionName).Get<DemoConsoleOptions>() ?? new DemoConsoleOptions();
            if (provider.GetService<RedisReplicaConnection>() is { } redis)
            {
                // Replicas share one key ring, so a cookie signed by one is accepted by all.
                keys.XmlRepository = new RedisXmlRepository(() => redis.Database, RedisReplicaConnection.Key("dataprotection-keys"));
            }
            else if (Folder(console) is { } folder)
            {
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), loggers);
            }
        });
        return services;
    }

    /// <summary>The keys folder: <c>keys</c> beside the state file, or null when the session is not kept.</summary>
    public static string? Folder(DemoConsoleOptions options) =>
        string.IsNullOrWhiteSpace(options.StateFile)
            ? null
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.StateFile)) ?? ".", "keys");
}
