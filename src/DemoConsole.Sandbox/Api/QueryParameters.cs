using System.Globalization;
using DemoConsole.Sandbox.Store;
using Microsoft.AspNetCore.Http;

namespace DemoConsole.Sandbox.Api;

/// <summary>
/// Query parameters read as kube-apiserver reads them (k8s.io/apimachinery's query conversion), so clients that
/// spell values differently from kubectl (<c>watch=True</c> from Python, <c>watch=1</c>) get the same answers.
/// </summary>
internal static class QueryParameters
{
    /// <summary>
    /// Absent, "0" and "false" in any case are false; any other value, the empty one included, is true
    /// (apimachinery's Convert_Slice_string_To_bool). A boolean parameter is never refused.
    /// </summary>
    public static bool Flag(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0
        && values[0] is var value && value != "0" && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A whole number as Go's strconv.ParseInt reads it (optional sign, decimal digits, nothing else); absent is null,
    /// anything else is a 400 Status naming the parameter.
    /// </summary>
    public static long? Integer(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        var text = values[0] ?? "";
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiException.BadRequest($"{name}: strconv.ParseInt: parsing \"{text}\": invalid syntax");
    }
}
