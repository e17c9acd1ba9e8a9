using System.Collections.Concurrent;
using DemoConsole.Sandbox.Metrics;

namespace DemoConsole.Sandbox.Gateway;

/// <summary>
/// Istio's standard metrics as the sidecars of every hop would report them: each HTTP hop is counted by the
/// client's proxy (reporter="source") and, when the server has a sidecar and was reached, by the server's proxy
/// (reporter="destination", connection_security_policy="mutual_tls" under the namespace's STRICT policy). Hops to
/// the data tier (no sidecar, plaintext TCP) show as istio_tcp_* metrics from the client side only.
/// </summary>
internal sealed class IstioMetrics
{
    // Envoy's default histogram buckets, which Istio does not override (reference: istio-metrics-and-kiali.md).
    public static readonly double[] Buckets = [0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000];

    private readonly ConcurrentDictionary<LabelSet, HistogramSeries> _requests = new();
    private readonly ConcurrentDictionary<LabelSet, TcpSeries> _tcp = new();

    /// <summary>Counts one HTTP hop. The server-side proxy's duration excludes the client proxy's own overhead.</summary>
    public void RecordHttp(MeshHop hop, int code, double milliseconds)
    {
        var reached = hop.ServerVersion is not null;
        var flags = reached || code != 503 ? "-" : "UH";
        Observe(IstioLabels.Http(hop, "source", code, flags), milliseconds);
        if (reached && hop.Server.Sidecar)
        {
            Observe(IstioLabels.Http(hop, "destination", code, "-"), Math.Max(0.1, milliseconds - 0.4));
        }
    }

    /// <summary>Counts one query to a data store over a pooled connection (opened once per client workload).</summary>
    public void RecordTcp(MeshHop hop, long sentBytes, long receivedBytes)
    {
        var series = _tcp.GetOrAdd(IstioLabels.Tcp(hop), _ => new TcpSeries());
        lock (series)
        {
            series.Sent += sentBytes;
            series.Received += receivedBytes;
            series.Opened = 1;
        }
    }

    /// <summary>How many requests the destination proxies counted for a service with a response code (tests, checks).</summary>
    public long Total(string service, int code) =>
        _requests.Where(kv => kv.Key.Get("reporter") == "destination" && kv.Key.Get("destination_service_name") == service
            && kv.Key.Get("response_code") == code.ToString(System.Globalization.CultureInfo.InvariantCulture)).Sum(kv => kv.Value.Count);

    public IEnumerable<MetricFamily> Families()
    {
        var requests = _requests.OrderBy(kv => kv.Key).ToList();
        var counts = new List<MetricSample>();
        var durations = new List<MetricSample>();
        foreach (var (labels, series) in requests)
        {
            lock (series)
            {
                var names = series.Exposed;
                counts.Add(new(names[0], series.Count));
                for (var i = 0; i < Buckets.Length; i++)
                {
                    durations.Add(new(names[3 + i], series.Buckets[i]));
                }

                durations.Add(new(names[^1], series.Count));
                durations.Add(new(names[1], series.Sum));
                durations.Add(new(names[2], series.Count));
            }
        }

        yield return new MetricFamily("istio_requests_total", "counter", "Requests as counted by the reporting proxy.", counts);
        yield return new MetricFamily("istio_request_duration_milliseconds", "histogram", "Request duration as seen by the reporting proxy.", durations);

        var tcp = _tcp.OrderBy(kv => kv.Key).ToList();
        yield return Tcp(tcp, "istio_tcp_sent_bytes_total", "Bytes sent during TCP connections.", s => s.Sent);
        yield return Tcp(tcp, "istio_tcp_received_bytes_total", "Bytes received during TCP connections.", s => s.Received);
        yield return Tcp(tcp, "istio_tcp_connections_opened_total", "TCP connections opened.", s => s.Opened);
        yield return Tcp(tcp, "istio_tcp_connections_closed_total", "TCP connections closed.", _ => 0);
    }

    private static MetricFamily Tcp(List<KeyValuePair<LabelSet, TcpSeries>> series, string name, string help, Func<TcpSeries, long> value)
    {
        var samples = new List<MetricSample>();
        foreach (var (labels, s) in series)
        {
            lock (s)
            {
                samples.Add(new(labels.With(LabelSet.MetricName, name), value(s)));
            }
        }

        return new MetricFamily(name, "counter", help, samples);
    }

    private void Observe(LabelSet labels, double milliseconds)
    {
        var series = _requests.GetOrAdd(labels, l => new HistogramSeries(l));
        lock (series)
        {
            series.Count++;
            series.Sum += milliseconds;
            for (var i = 0; i < Buckets.Length; i++)
            {
                if (milliseconds <= Buckets[i])
                {
                    series.Buckets[i]++;
                }
            }
        }
    }

    private sealed class HistogramSeries(LabelSet labels)
    {
        // The exposed label sets, built once: total, sum, count, then one per bucket and +Inf (scrapes are frequent).
        public readonly LabelSet[] Exposed =
        [
            labels.With(LabelSet.MetricName, "istio_requests_total"),
            labels.With(LabelSet.MetricName, "istio_request_duration_milliseconds_sum"),
            labels.With(LabelSet.MetricName, "istio_request_duration_milliseconds_count"),
            .. IstioMetrics.Buckets.Select(b => Exposition.Number(b)).Append("+Inf")
                .Select(le => labels.With(LabelSet.MetricName, "istio_request_duration_milliseconds_bucket").With("le", le)),
        ];

        public long Count;
        public double Sum;
        public readonly long[] Buckets = new long[IstioMetrics.Buckets.Length];
    }

    private sealed class TcpSeries
    {
        public long Sent;
        public long Received;
        public long Opened;
    }
}
