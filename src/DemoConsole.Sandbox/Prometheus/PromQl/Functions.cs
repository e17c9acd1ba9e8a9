namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>The supported PromQL functions: their signatures (checked at parse time) and their evaluation.</summary>
internal static class Functions
{
    private static readonly Dictionary<string, ValueKind[]> Signatures = new(StringComparer.Ordinal)
    {
        ["rate"] = [ValueKind.Matrix],
        ["irate"] = [ValueKind.Matrix],
        ["increase"] = [ValueKind.Matrix],
        ["histogram_quantile"] = [ValueKind.Scalar, ValueKind.Vector],
        ["abs"] = [ValueKind.Vector],
        ["ceil"] = [ValueKind.Vector],
        ["floor"] = [ValueKind.Vector],
        ["sqrt"] = [ValueKind.Vector],
        ["exp"] = [ValueKind.Vector],
        ["ln"] = [ValueKind.Vector],
        ["log2"] = [ValueKind.Vector],
        ["log10"] = [ValueKind.Vector],
        ["round"] = [ValueKind.Vector, ValueKind.Scalar],
        ["clamp_min"] = [ValueKind.Vector, ValueKind.Scalar],
        ["clamp_max"] = [ValueKind.Vector, ValueKind.Scalar],
        ["clamp"] = [ValueKind.Vector, ValueKind.Scalar, ValueKind.Scalar],
        ["vector"] = [ValueKind.Scalar],
        ["scalar"] = [ValueKind.Vector],
        ["time"] = [],
    };

    public static bool IsSupported(string name) => Signatures.ContainsKey(name);

    public static IReadOnlyList<ValueKind> ArgumentTypes(string name) => Signatures[name];

    public static int OptionalArguments(string name) => name == "round" ? 1 : 0;

    public static ValueKind ReturnType(string name) => name switch
    {
        "scalar" or "time" => ValueKind.Scalar,
        _ => ValueKind.Vector,
    };

    /// <summary>Element-wise math over a vector; the result drops the metric name, as Prometheus's math functions do.</summary>
    public static Func<double, double>? Math(string name, IReadOnlyList<double> scalars) => name switch
    {
        "abs" => System.Math.Abs,
        "ceil" => System.Math.Ceiling,
        "floor" => System.Math.Floor,
        "sqrt" => System.Math.Sqrt,
        "exp" => System.Math.Exp,
        "ln" => System.Math.Log,
        "log2" => System.Math.Log2,
        "log10" => System.Math.Log10,
        "round" => v => Round(v, scalars.Count > 0 ? scalars[0] : 1),
        "clamp_min" => v => System.Math.Max(v, scalars[0]),
        "clamp_max" => v => System.Math.Min(v, scalars[0]),
        "clamp" => v => System.Math.Max(scalars[0], System.Math.Min(scalars[1], v)),
        _ => null,
    };

    // Go's funcRound: round half up to the nearest multiple, via the inverse to limit float error.
    private static double Round(double value, double toNearest)
    {
        var inverse = 1.0 / toNearest;
        return System.Math.Floor((value * inverse) + 0.5) / inverse;
    }
}
