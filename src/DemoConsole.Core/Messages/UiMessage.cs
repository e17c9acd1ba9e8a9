using System.Globalization;
using System.Resources;
using System.Text.Json.Serialization;

namespace DemoConsole.Core.Messages;

/// <summary>
/// A message for a person (a refusal, a pre-flight result, a validation problem), kept as a key into
/// <c>CoreText</c> and its arguments, so that each screen renders it in its own language when it shows it: the
/// presenter's screen in English and the audience's in Korean may show the same refusal. Core stays free of the
/// Web project's resources; the command line, the API and the components all call <see cref="Format"/>.
/// </summary>
/// <remarks><see cref="ToString"/> is the English text: logs, and every place that kept a plain string before.</remarks>
[JsonConverter(typeof(UiMessageJsonConverter))]
public sealed record UiMessage(string Key, params object?[] Arguments)
{
    private static readonly ResourceManager Texts = new("DemoConsole.Core.Messages.CoreText", typeof(UiMessage).Assembly);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The text in <paramref name="uiCulture"/> (default: the current UI culture), numbers and dates in
    /// <paramref name="formats"/> (default: the current culture). An argument that is itself a message is rendered the same way,
    /// and a list of messages (every problem of a load plan) as those messages joined by "; ".</summary>
    public string Format(CultureInfo? uiCulture = null, IFormatProvider? formats = null)
    {
        uiCulture ??= CultureInfo.CurrentUICulture;
        formats ??= CultureInfo.CurrentCulture;
        var text = Texts.GetString(Key, uiCulture) ?? throw new MissingManifestResourceException($"CoreText has no message '{Key}'.");
        if (Arguments.Length == 0)
        {
            return text;
        }

        var arguments = Arguments.Select(a => a switch
        {
            UiMessage inner => inner.Format(uiCulture, formats),
            IEnumerable<UiMessage> list => string.Join("; ", list.Select(m => m.Format(uiCulture, formats))),
            _ => a,
        }).ToArray();
        return string.Format(formats, text, arguments);
    }

    /// <summary>
    /// Text that has no translation: a value from elsewhere (an exception's message, a command line, a remote
    /// system's answer), or a message of a part of Core that does not produce <see cref="UiMessage"/>s yet.
    /// </summary>
    public static UiMessage Verbatim(string text) => new("Verbatim", text);

    public override string ToString() => Format(English, English);

    public bool Equals(UiMessage? other) =>
        other is not null && Key == other.Key && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Key, Arguments.Length);
}
