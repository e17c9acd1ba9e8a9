using DemoConsole.Core.Messages;

namespace DemoConsole.Web.Replicas;

/// <summary>What a follower's screens say while Redis, and so the leader's live views, cannot be reached.</summary>
public static class SharedStateUnreachable
{
    public static UiMessage Message { get; } = new("Replicas_SharedStateUnreachable");
}
