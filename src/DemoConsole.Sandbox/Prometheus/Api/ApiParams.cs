using System.Globalization;
using DemoConsole.Sandbox.Prometheus.PromQl;

namespace DemoConsole.Sandbox.Prometheus.Api;

/// <summary>
/// Request parameters as Prometheus reads them (r.FormValue: a form body wins over the URL query), and its time and
/// duration formats: Unix seconds with decimals or RFC3339; durations as float seconds or 5m-style.
/// </summary>
internal sealed class ApiParams
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private ApiParams()
    {
    }

    public static async Task<ApiParams> ReadAsync(HttpRequest request)
    {
        var result = new ApiParams();
        foreach (var (key, values) in request.Query)
        {
            result.Add(key, values);
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            foreach (var (key, values) in form)
            {
                result._values.Remove(key);
                result.Add(key, values);
            }
        }

        return result;
    }

    public string? Get(string name) => _values.TryGetValue(name, out var v) && v.Count > 0 ? v[0] : null;

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var v) ? v : [];

    /// <summary>A timestamp parameter in Unix milliseconds, or <paramref name="fallback"/> when absent.</summary>
    public long Time(string name, long fallback)
    {
        var text = Get(name);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return (long)Math.Round(seconds * 1000);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time))
        {
            return time.ToUnixTimeMilliseconds();
        }

        throw ApiError.BadData($"invalid parameter \"{name}\": cannot parse \"{text}\" to a valid timestamp");
    }

    public long DurationMilliseconds(string name)
    {
        var text = Get(name) ?? "";
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return (long)Math.Round(seconds * 1000);
        }

        if (Durations.TryParse(text, out var duration))
        {
            return (long)duration.TotalMilliseconds;
        }

        throw ApiError.BadData($"invalid parameter \"{name}\": cannot parse \"{text}\" to a valid duration");
    }

    private void Add(string key, IEnumerable<string?> values)
    {
        if (!_values.TryGetValue(key, out var list))
        {
            _values[key] = list = [];
        }

        list.AddRange(values.Select(v => v ?? ""));
    }
}
