using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DemoConsole.Sandbox.Metrics;
using DemoConsole.Sandbox.Prometheus.PromQl;

namespace DemoConsole.Sandbox.Prometheus.Api;

/// <summary>
/// Prometheus's JSON encodings: the success/error envelope, timestamps as Unix seconds with up to 3 decimals, sample
/// values as strings, labels as objects in name order.
/// </summary>
internal static class ApiJson
{
    // Quotes as \" rather than \u0022, as Go's encoder writes them; the JSON is equal either way, logs are not.
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteSuccessAsync(HttpContext context, Action<Utf8JsonWriter> writeData)
    {
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body, Options);
        json.WriteStartObject();
        json.WriteString("status", "success");
        json.WritePropertyName("data");
        writeData(json);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    public static async Task WriteErrorAsync(HttpContext context, string errorType, string message, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body, Options);
        json.WriteStartObject();
        json.WriteString("status", "error");
        json.WriteString("errorType", errorType);
        json.WriteString("error", message);
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    public static void Value(Utf8JsonWriter json, QueryValue value, long time)
    {
        json.WriteStartObject();
        json.WriteString("resultType", value.Kind switch
        {
            ValueKind.Scalar => "scalar",
            ValueKind.Vector => "vector",
            ValueKind.Matrix => "matrix",
            _ => "string",
        });
        json.WritePropertyName("result");
        switch (value.Kind)
        {
            case ValueKind.Scalar:
                Point(json, time, GoFloat.Sample(value.Scalar));
                break;
            case ValueKind.String:
                Point(json, time, value.Text ?? "");
                break;
            case ValueKind.Vector:
                json.WriteStartArray();
                foreach (var sample in value.Vector!)
                {
                    json.WriteStartObject();
                    Labels(json, "metric", sample.Labels);
                    json.WritePropertyName("value");
                    Point(json, time, GoFloat.Sample(sample.Value));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                break;
            default:
                Matrix(json, value.Matrix!);
                break;
        }

        json.WriteEndObject();
    }

    public static void Matrix(Utf8JsonWriter json, IReadOnlyList<Series> series)
    {
        json.WriteStartArray();
        foreach (var s in series.OrderBy(s => s.Labels))
        {
            json.WriteStartObject();
            Labels(json, "metric", s.Labels);
            json.WriteStartArray("values");
            foreach (var point in s.Points)
            {
                Point(json, point.Time, GoFloat.Sample(point.Value));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    public static void Labels(Utf8JsonWriter json, string property, LabelSet labels)
    {
        json.WriteStartObject(property);
        foreach (var (name, value) in labels.Pairs)
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
    }

    public static void Map(Utf8JsonWriter json, string property, IReadOnlyDictionary<string, string> map)
    {
        json.WriteStartObject(property);
        foreach (var (name, value) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteString(name, value);
        }

        json.WriteEndObject();
    }

    /// <summary>RFC3339 with the fraction Go prints (trailing zeros dropped), in UTC.</summary>
    public static string Rfc3339(DateTimeOffset time)
    {
        var text = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture).TrimEnd('0').TrimEnd('.');
        return text + "Z";
    }

    /// <summary>Alertmanager's date-time (go-openapi strfmt): always three fraction digits, UTC.</summary>
    public static string Rfc3339Millis(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void Point(Utf8JsonWriter json, long milliseconds, string value)
    {
        json.WriteStartArray();
        json.WriteRawValue(Seconds(milliseconds));
        json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static string Seconds(long milliseconds)
    {
        var whole = Math.DivRem(milliseconds, 1000, out var fraction);
        if (fraction == 0)
        {
            return whole.ToString(CultureInfo.InvariantCulture);
        }

        var sign = milliseconds < 0 && whole == 0 ? "-" : "";
        return sign + whole.ToString(CultureInfo.InvariantCulture) + "." + Math.Abs(fraction).ToString("000", CultureInfo.InvariantCulture).TrimEnd('0');
    }
}
