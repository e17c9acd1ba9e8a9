namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>PromQL's four value types (the API's resultType names).</summary>
internal enum ValueKind
{
    Scalar,
    Vector,
    Matrix,
    String,
}
