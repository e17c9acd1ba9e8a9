using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace DemoConsole.Web.Hosting;

/// <summary>
/// The console's two languages and the cultures that go with them: resources come from the language (<c>ko</c>,
/// <c>en</c>), dates, times and numbers from its usual country (<c>ko-KR</c>, <c>en-US</c>).
/// Which one a request gets is <see cref="ScreenLanguageProvider"/>'s decision.
/// </summary>
public static class ConsoleLanguage
{
    public static readonly IReadOnlyList<string> Supported = ["ko", "en"];

    /// <summary>The language when neither the setting, the scenario nor the presenter chooses one.</summary>
    public const string Default = "ko";

    public static bool IsSupported([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? language) => language is not null && Supported.Contains(language);

    /// <summary>The culture whose formats a screen in <paramref name="language"/> uses.</summary>
    public static CultureInfo FormatCulture(string language) =>
        CultureInfo.GetCultureInfo(language == "en" ? "en-US" : "ko-KR");

    /// <summary>The language of a culture chosen by <see cref="Options"/> (its two-letter name), for <c>&lt;html lang&gt;</c>.</summary>
    public static string Of(CultureInfo culture) =>
        IsSupported(culture.TwoLetterISOLanguageName) ? culture.TwoLetterISOLanguageName : Default;

    /// <param name="configured">The <c>DemoConsole:Language</c> setting; empty means "not set" (the scenario's language
    /// decides); an unsupported value is reported by the options validator and treated as not set here.</param>
    public static RequestLocalizationOptions Options(string? configured)
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(FormatCulture(Default), CultureInfo.GetCultureInfo(Default)),
            SupportedCultures = [.. Supported.Select(FormatCulture)],
            SupportedUICultures = [.. Supported.Select(l => CultureInfo.GetCultureInfo(l))],
            // A supported UI language is never replaced by its parent or the default.
            FallBackToParentCultures = false,
            FallBackToParentUICultures = false,
        };
        options.RequestCultureProviders.Clear();
        options.RequestCultureProviders.Add(new ScreenLanguageProvider(IsSupported(configured) ? configured : null));
        return options;
    }
}
