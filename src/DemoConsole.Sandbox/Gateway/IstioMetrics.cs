using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace DemoConsole.Sandbox.Gateway;

/// <summary>
/// Request counters and latency histograms under Istio's standard metric names and labels, so the Golden
/// Signals queries (rate of istio_requests_total by response_code, histogram_quantile over
/// istio_request_duration_milliseconds_bucket) work unchanged.
/// </summary>
internal sealed class IstioMetrics
{
    // Istio's default buckets for istio_request_duration_milliseconds.
    private static readonly double[] Buckets = [0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000];

    private readonly ConcurrentDictionary<(string Service, string Method, int Code), Series> _series = new();

    public void Record(string service, string method, int code, double milliseconds)
    {
        var series = _series.GetOrAdd((service, method, code), _ => new Series());
        lock (series)
        {
            series.Count++;
            series.Sum += milliseconds;
            for (var i = 0; i < Buckets.Length; i++)
            {
                if (milliseconds <= Buckets[i])
                {
                    series.BucketCounts[i]++;
                }
            }
        }
    }

    public long Total(string service, int code) =>
        _series.Where(kv => kv.Key.Service == service && kv.Key.Code == code).Sum(kv => kv.Value.Count);

    public void WriteTo(StringBuilder output)
    {
        output.Append("# HELP istio_requests_total Total requests.\n# TYPE istio_requests_total counter\n");
        var ordered = _series.OrderBy(kv => kv.Key.Service, StringComparer.Ordinal).ThenBy(kv => kv.Key.Code).ToList();
        foreach (var ((service, method, code), series) in ordered)
        {
            output.Append("istio_requests_total{").Append(Labels(service, method, code)).Append("} ")
                .Append(series.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        output.Append("# HELP istio_request_duration_milliseconds Request duration.\n# TYPE istio_request_duration_milliseconds histogram\n");
        foreach (var ((service, method, code), series) in ordered)
        {
            var labels = Labels(service, method, code);
            lock (series)
            {
                for (var i = 0; i < Buckets.Length; i++)
                {
                    output.Append("istio_request_duration_milliseconds_bucket{").Append(labels).Append(",le=\"")
                        .Append(Buckets[i].ToString(CultureInfo.InvariantCulture)).Append("\"} ")
                        .Append(series.BucketCounts[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
                }

                output.Append("istio_request_duration_milliseconds_bucket{").Append(labels).Append(",le=\"+Inf\"} ")
                    .Append(series.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
                output.Append("istio_request_duration_milliseconds_sum{").Append(labels).Append("} ")
                    .Append(series.Sum.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
                output.Append("istio_request_duration_milliseconds_count{").Append(labels).Append("} ")
                    .Append(series.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }
    }

    private static string Labels(string service, string method, int code)
    {
        var workload = $"{service}-deployment";
        return $"reporter=\"destination\",source_workload=\"istio-ingressgateway\",source_workload_namespace=\"istio-system\","
            + $"source_app=\"istio-ingressgateway\",destination_workload=\"{workload}\",destination_workload_namespace=\"titanium-prod\","
            + $"destination_app=\"{service.Replace("prod-", "", StringComparison.Ordinal)}\","
            + $"destination_service=\"{service}.titanium-prod.svc.cluster.local\",destination_service_name=\"{service}\","
            + $"destination_service_namespace=\"titanium-prod\",request_protocol=\"http\",request_method=\"{method}\","
            + $"response_code=\"{code}\",response_flags=\"{(code == 503 ? "UH" : "-")}\",connection_security_policy=\"mutual_tls\"";
    }

    private sealed class Series
    {
        public long Count;
        public double Sum;
        public readonly long[] BucketCounts = new long[Buckets.Length];
    }
}
