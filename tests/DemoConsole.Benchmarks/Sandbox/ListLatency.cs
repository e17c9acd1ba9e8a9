using System.Diagnostics;
using DemoConsole.Sandbox;

namespace DemoConsole.Benchmarks.Sandbox;

/// <summary>
/// List latency over HTTP for the seeded world (all pods as JSON, titanium-prod pods as a kubectl Table),
/// against GET /version on the same server as the reference (the cost of a request that does no work).
/// </summary>
internal static class ListLatency
{
    private const string TableAccept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

    public static async Task RunAsync(int requests)
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { ApiPort = 0, GatewayPort = 0, PrometheusPort = 0, TimeScale = 0.01 });
        using var http = new HttpClient { BaseAddress = sandbox.KubernetesApi };
        var reference = await MeasureAsync(http, "/version", null, requests);
        var json = await MeasureAsync(http, "/api/v1/pods", null, requests);
        var table = await MeasureAsync(http, "/api/v1/namespaces/titanium-prod/pods", TableAccept, requests);
        var pods = sandbox.Cluster.Store.List(DemoConsole.Sandbox.Store.ResourceTypes.Pods, null).Items.Count;
        Console.WriteLine($"list latency ({pods} pods seeded, {requests} sequential requests each):");
        Console.WriteLine($"  reference GET /version:              {Percentiles.Summary(reference)}");
        Console.WriteLine($"  GET /api/v1/pods (JSON, all ns):     {Percentiles.Summary(json)}  ratio p50 {Ratio(json, reference)}");
        Console.WriteLine($"  GET titanium-prod pods (Table):      {Percentiles.Summary(table)}  ratio p50 {Ratio(table, reference)}");
    }

    private static string Ratio(IReadOnlyList<double> measured, IReadOnlyList<double> reference) =>
        (Percentiles.Of(measured, 50) / Percentiles.Of(reference, 50)).ToString("0.0x", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<double>> MeasureAsync(HttpClient http, string path, string? accept, int requests)
    {
        var samples = new List<double>(requests);
        for (var i = 0; i < requests + 50; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            var started = Stopwatch.GetTimestamp();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            if (i >= 50)
            {
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return samples;
    }
}
