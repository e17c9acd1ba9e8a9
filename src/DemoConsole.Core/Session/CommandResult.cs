using System.Diagnostics.CodeAnalysis;
using DemoConsole.Core.Messages;

namespace DemoConsole.Core.Session;

/// <summary>
/// The outcome of a request to change the session: refused requests carry a message for the screen
/// (<see cref="Message"/>, rendered in the screen's language) and its English text (<see cref="Error"/>, for logs and the API).
/// </summary>
public sealed record CommandResult(bool Succeeded, string? Error, UiMessage? Message = null)
{
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded { get; } = Succeeded;

    public static CommandResult Ok { get; } = new(true, null);

    /// <summary>The refusal in the current UI language (the screen's or the request's); empty when it succeeded.</summary>
    public string Describe() => Message?.Format() ?? Error ?? "";

    public static CommandResult Refused(UiMessage message) => new(false, message.ToString(), message);
}
