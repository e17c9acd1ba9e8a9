namespace DemoConsole.Sandbox.Prometheus.PromQl;

/// <summary>Prometheus's parse-time type rules: argument types of functions and aggregations, operand types of operators.</summary>
internal static class TypeCheck
{
    public static void Check(Expr expr)
    {
        switch (expr)
        {
            case Call call:
                var expected = Functions.ArgumentTypes(call.Function);
                var optional = Functions.OptionalArguments(call.Function);
                if (call.Args.Count > expected.Count || call.Args.Count < expected.Count - optional)
                {
                    throw new PromQlException($"parse error: expected {expected.Count} argument(s) in call to \"{call.Function}\", got {call.Args.Count}");
                }

                for (var i = 0; i < call.Args.Count; i++)
                {
                    Check(call.Args[i]);
                    Expect(call.Args[i], expected[i], $"call to function \"{call.Function}\"");
                }

                break;
            case Aggregate aggregate:
                Check(aggregate.Inner);
                Expect(aggregate.Inner, ValueKind.Vector, "aggregation expression");
                break;
            case Unary unary:
                Check(unary.Operand);
                if (unary.Operand.Type is not (ValueKind.Scalar or ValueKind.Vector))
                {
                    throw new PromQlException($"parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"{Name(unary.Operand.Type)}\"");
                }

                break;
            case Binary binary:
                CheckBinary(binary);
                break;
        }
    }

    public static string Name(ValueKind kind) => kind switch
    {
        ValueKind.Scalar => "scalar",
        ValueKind.Vector => "instant vector",
        ValueKind.Matrix => "range vector",
        _ => "string",
    };

    private static void CheckBinary(Binary binary)
    {
        Check(binary.Left);
        Check(binary.Right);
        foreach (var side in new[] { binary.Left, binary.Right })
        {
            if (side.Type is not (ValueKind.Scalar or ValueKind.Vector))
            {
                throw new PromQlException("parse error: binary expression must contain only scalar and instant vector types");
            }
        }

        var scalars = binary.Left.Type == ValueKind.Scalar && binary.Right.Type == ValueKind.Scalar;
        if (binary.ReturnBool && !binary.IsComparison)
        {
            throw new PromQlException("parse error: bool modifier can only be used on comparison operators");
        }

        if (binary.IsComparison && scalars && !binary.ReturnBool)
        {
            throw new PromQlException("parse error: comparisons between scalars must use BOOL modifier");
        }

        if (binary.IsSetOperator && (binary.Left.Type != ValueKind.Vector || binary.Right.Type != ValueKind.Vector))
        {
            throw new PromQlException($"parse error: set operator \"{binary.Op}\" not allowed in binary scalar expression");
        }

        if ((binary.Matching.On || binary.Matching.Labels.Count > 0) && (binary.Left.Type != ValueKind.Vector || binary.Right.Type != ValueKind.Vector))
        {
            throw new PromQlException("parse error: vector matching only allowed between instant vectors");
        }
    }

    private static void Expect(Expr expr, ValueKind expected, string context)
    {
        if (expr.Type != expected)
        {
            throw new PromQlException($"parse error: expected type {Name(expected)} in {context}, got {Name(expr.Type)}");
        }
    }
}
