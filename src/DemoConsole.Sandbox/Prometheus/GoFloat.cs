using System.Globalization;

namespace DemoConsole.Sandbox.Prometheus;

/// <summary>
/// Go's float formatting as Prometheus's JSON uses it: sample values in 'f' form with the shortest round-trip digits
/// (exponent form below 1e-6 or from 1e21), alert values in 'e' form (<c>1.2e-01</c>).
/// </summary>
internal static class GoFloat
{
    public static string Sample(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var abs = Math.Abs(value);
        return abs != 0 && (abs < 1e-6 || abs >= 1e21) ? Exponent(value) : Fixed(value);
    }

    /// <summary>strconv.FormatFloat(v, 'e', -1, 64): shortest digits, at least two exponent digits.</summary>
    public static string Exponent(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return Sample(value);
        }

        var (negative, digits, exponent) = Decompose(value);
        var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        var e = exponent - 1;
        return (negative ? "-" : "") + mantissa + "e" + (e < 0 ? "-" : "+") + Math.Abs(e).ToString("00", CultureInfo.InvariantCulture);
    }

    private static string Fixed(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        var (negative, digits, exponent) = Decompose(value);
        string text;
        if (exponent <= 0)
        {
            text = "0." + new string('0', -exponent) + digits;
        }
        else if (exponent >= digits.Length)
        {
            text = digits + new string('0', exponent - digits.Length);
        }
        else
        {
            text = digits[..exponent] + "." + digits[exponent..];
        }

        return (negative ? "-" : "") + text;
    }

    // Shortest round-trip digits d1d2… and exponent e such that value = 0.d1d2… × 10^e.
    private static (bool Negative, string Digits, int Exponent) Decompose(double value)
    {
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var mantissa = shortest;
        var exponent = 0;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = shortest[..e];
            exponent = int.Parse(shortest[(e + 1)..], CultureInfo.InvariantCulture);
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerPart = dot < 0 ? mantissa : mantissa[..dot];
        var fraction = dot < 0 ? "" : mantissa[(dot + 1)..];
        var digits = (integerPart + fraction).TrimStart('0');
        var leadingZeros = (integerPart + fraction).Length - digits.Length;
        var pointPosition = integerPart.Length - leadingZeros + exponent;
        return (value < 0, digits.TrimEnd('0') is { Length: > 0 } d ? d : "0", pointPosition);
    }
}
