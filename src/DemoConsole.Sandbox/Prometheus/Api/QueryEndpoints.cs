using DemoConsole.Sandbox.Prometheus.PromQl;

namespace DemoConsole.Sandbox.Prometheus.Api;

/// <summary>/api/v1/query and /api/v1/query_range over the twin's samples, with Prometheus's parameter checks and messages.</summary>
internal static class QueryEndpoints
{
    public static async Task InstantAsync(HttpContext context, PrometheusTwin twin)
    {
        var parameters = await ApiParams.ReadAsync(context.Request);
        var time = parameters.Time("time", twin.NowMilliseconds);
        var expr = Parse(parameters.Get("query"));
        var value = Run(() => new Evaluator(twin.Store).Instant(expr, time));
        await ApiJson.WriteSuccessAsync(context, json => ApiJson.Value(json, value, time));
    }

    public static async Task RangeAsync(HttpContext context, PrometheusTwin twin)
    {
        var parameters = await ApiParams.ReadAsync(context.Request);
        var start = parameters.Time("start", long.MinValue);
        var end = parameters.Time("end", long.MinValue);
        if (start == long.MinValue)
        {
            throw ApiError.BadData("invalid parameter \"start\": cannot parse \"\" to a valid timestamp");
        }

        if (end == long.MinValue)
        {
            throw ApiError.BadData("invalid parameter \"end\": cannot parse \"\" to a valid timestamp");
        }

        if (end < start)
        {
            throw ApiError.BadData("invalid parameter \"end\": end timestamp must not be before start time");
        }

        var step = parameters.DurationMilliseconds("step");
        if (step <= 0)
        {
            throw ApiError.BadData("invalid parameter \"step\": zero or negative query resolution step widths are not accepted. Try a positive integer");
        }

        if ((end - start) / step > Evaluator.MaxPoints)
        {
            throw ApiError.BadData("exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
        }

        var expr = Parse(parameters.Get("query"));
        var series = Run(() => new Evaluator(twin.Store).Range(expr, start, end, step));
        await ApiJson.WriteSuccessAsync(context, json =>
        {
            json.WriteStartObject();
            json.WriteString("resultType", "matrix");
            json.WritePropertyName("result");
            ApiJson.Matrix(json, series);
            json.WriteEndObject();
        });
    }

    private static Expr Parse(string? query)
    {
        try
        {
            return Parser.Parse(query ?? "");
        }
        catch (PromQlException e)
        {
            throw ApiError.BadData($"invalid parameter \"query\": {e.Message}");
        }
    }

    private static T Run<T>(Func<T> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (PromQlException e)
        {
            throw new ApiError(e.ErrorType, e.Message);
        }
    }
}
