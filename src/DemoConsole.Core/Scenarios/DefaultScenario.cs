namespace DemoConsole.Core.Scenarios;

/// <summary>
/// The Titanium demo scenario shipped with the console (Korean, embedded as Scenarios/Default/titanium.ko.md).
/// The console starts on it when no scenario file is configured, and falls back to it when the configured
/// file cannot be read at start-up.
/// </summary>
public static class DefaultScenario
{
    /// <summary>The value of <see cref="Scenario.Source"/> for the default scenario.</summary>
    public const string SourceName = "embedded:default";

    private const string ResourceName = "DemoConsole.Core.Scenarios.Default.titanium.ko.md";

    private static readonly Lazy<string> LazyMarkdown = new(ReadResource);

    // Parsed once: the scenario is immutable, so every caller can share the instance.
    private static readonly Lazy<Scenario> LazyScenario = new(Parse);

    /// <summary>The scenario's Markdown source, for showing or exporting it as a starting point.</summary>
    public static string Markdown => LazyMarkdown.Value;

    /// <summary>The parsed default scenario. A test guarantees it parses without problems.</summary>
    /// <exception cref="InvalidOperationException">The embedded file has errors (a build that shipped a broken resource).</exception>
    public static Scenario Load() => LazyScenario.Value;

    private static string ReadResource()
    {
        using var stream = typeof(DefaultScenario).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource '{ResourceName}' is missing from {typeof(DefaultScenario).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Scenario Parse()
    {
        var result = ScenarioParser.Parse(Markdown, SourceName);
        return result.Scenario
            ?? throw new InvalidOperationException($"the default scenario has errors: {string.Join("; ", result.Problems)}");
    }
}
