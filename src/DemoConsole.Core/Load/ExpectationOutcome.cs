using System.Globalization;

namespace DemoConsole.Core.Load;

/// <summary>The result of checking a <see cref="LoadExpectation"/> at one moment of a run.</summary>
public sealed record ExpectationOutcome(LoadExpectation Expectation, long Matching, long Finished, double Share, bool Passed)
{
    /// <summary>For example <c>≥ 95% of responses are 405: 100% (10/10) — pass</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Expectation.Description}: {Share * 100:0.#}% ({Matching}/{Finished}) — {(Passed ? "pass" : "fail")}");
}
