namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>The result of evaluating an expression: exactly one of scalar, vector, matrix or string is set.</summary>
internal sealed record QueryValue(ValueKind Kind, double Scalar = 0, IReadOnlyList<Sample>? Vector = null, IReadOnlyList<Series>? Matrix = null, string? Text = null)
{
    public static QueryValue OfScalar(double value) => new(ValueKind.Scalar, Scalar: value);

    public static QueryValue OfVector(IReadOnlyList<Sample> samples) => new(ValueKind.Vector, Vector: samples);

    public static QueryValue OfMatrix(IReadOnlyList<Series> series) => new(ValueKind.Matrix, Matrix: series);

    public static QueryValue OfString(string text) => new(ValueKind.String, Text: text);
}
