namespace DemoConsole.Core.Actions;

/// <summary>
/// The platform gateway that load and error bursts may target: from configuration, or the embedded sandbox's.
/// Never from text typed into a page: this is the only target load actions get.
/// </summary>
public interface IGatewayAddress
{
    /// <summary>The gateway's base URL, or null when none is known (then load actions are disabled with the reason).</summary>
    Uri? Gateway { get; }
}
