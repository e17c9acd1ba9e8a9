using System.Diagnostics.CodeAnalysis;

namespace DemoConsole.Core.Session;

/// <summary>The outcome of a request to change the session: refused requests carry a message for the screen.</summary>
public sealed record CommandResult(bool Succeeded, string? Error)
{
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded { get; } = Succeeded;

    public static CommandResult Ok { get; } = new(true, null);

    public static CommandResult Refused(string error) => new(false, error);
}
