using DemoConsole.Core.Recording;

namespace DemoConsole.Web.Replicas;

public static class SharedRecordingsServiceCollectionExtensions
{
    /// <summary>Recordings shared by the replicas (<see cref="SharedRecordings"/>); the recorder finds it as its <see cref="IRecordingReplicas"/>.</summary>
    public static IServiceCollection AddSharedRecordings(this IServiceCollection services)
    {
        services.AddSingleton<SharedRecordings>();
        services.AddSingleton<IRecordingReplicas>(sp => sp.GetRequiredService<SharedRecordings>());
        services.AddHostedService(sp => sp.GetRequiredService<SharedRecordings>());
        return services;
    }
}
