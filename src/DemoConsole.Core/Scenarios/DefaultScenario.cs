using System.Collections.Concurrent;

namespace DemoConsole.Core.Scenarios;

/// <summary>
/// The Titanium demo scenario shipped with the console, in Korean (Scenarios/Default/titanium.ko.md, the default)
/// and in English (titanium.en.md, the same parts, actions and views in English prose). The console starts on the one
/// of its language (<c>DemoConsole:Language</c>) when no scenario file is configured, and falls back to it when the
/// configured file cannot be read at start-up.
/// </summary>
public static class DefaultScenario
{
    /// <summary>The value of <see cref="Scenario.Source"/> for the Korean default scenario.</summary>
    public const string SourceName = "embedded:default";

    /// <summary>The languages a built-in scenario exists in; the first is the default.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["ko", "en"];

    // Read and parsed once per language: a scenario is immutable, so every caller can share the instance.
    private static readonly ConcurrentDictionary<string, Lazy<string>> MarkdownByLanguage = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<Scenario>> ScenarioByLanguage = new(StringComparer.Ordinal);

    /// <summary>The Korean scenario's Markdown source, for showing or exporting it as a starting point.</summary>
    public static string Markdown => MarkdownOf(Languages[0]);

    /// <summary>The parsed Korean default scenario. A test guarantees it parses without problems.</summary>
    /// <exception cref="InvalidOperationException">The embedded file has errors (a build that shipped a broken resource).</exception>
    public static Scenario Load() => Load(Languages[0]);

    /// <summary>The built-in scenario in <paramref name="language"/> ("ko", "en"); Korean for empty or unknown values.</summary>
    /// <exception cref="InvalidOperationException">The embedded file has errors.</exception>
    public static Scenario Load(string? language)
    {
        var chosen = Choose(language);
        return ScenarioByLanguage.GetOrAdd(chosen, l => new Lazy<Scenario>(() => Parse(l))).Value;
    }

    /// <summary>The Markdown of the built-in scenario in <paramref name="language"/>; Korean for empty or unknown values.</summary>
    public static string MarkdownOf(string? language)
    {
        var chosen = Choose(language);
        return MarkdownByLanguage.GetOrAdd(chosen, l => new Lazy<string>(() => ReadResource(l))).Value;
    }

    /// <summary><see cref="Scenario.Source"/> of the built-in scenario in <paramref name="language"/>.</summary>
    public static string SourceNameOf(string? language)
    {
        var chosen = Choose(language);
        return chosen == Languages[0] ? SourceName : $"{SourceName}.{chosen}";
    }

    private static string Choose(string? language) =>
        language is not null && Languages.Contains(language, StringComparer.OrdinalIgnoreCase)
            ? language.ToLowerInvariant()
            : Languages[0];

    private static string ReadResource(string language)
    {
        var name = $"DemoConsole.Core.Scenarios.Default.titanium.{language}.md";
        using var stream = typeof(DefaultScenario).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource '{name}' is missing from {typeof(DefaultScenario).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Scenario Parse(string language)
    {
        var result = ScenarioParser.Parse(MarkdownOf(language), SourceNameOf(language));
        return result.Scenario
            ?? throw new InvalidOperationException($"the built-in {language} scenario has errors: {string.Join("; ", result.Problems)}");
    }
}
