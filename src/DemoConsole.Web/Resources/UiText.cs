namespace DemoConsole.Web.Resources;

/// <summary>
/// The console's UI text: <c>UiText.resx</c> holds the default language (Korean, the demo's audience),
/// <c>UiText.en.resx</c> English. Components take <c>IStringLocalizer&lt;UiText&gt;</c>; <c>DemoConsole:Language</c>
/// chooses the language.
/// </summary>
public sealed class UiText;
