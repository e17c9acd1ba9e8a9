namespace DemoConsole.Core.Actions;

/// <summary>
/// The live progress or final figures of a run (a load snapshot, a recovery timeline, ...). Each kind reports one
/// result type (<see cref="Kinds.ActionKindDescriptor.ResultType"/>), and the UI shows each type with its own view.
/// </summary>
#pragma warning disable CA1040 // A marker on purpose: it types the result slot; the shapes differ per kind.
public interface IActionResult;
#pragma warning restore CA1040
