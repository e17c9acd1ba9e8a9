namespace DemoConsole.Sandbox.Auth;

/// <summary>
/// Who sent a request. Service accounts (a bearer token the sandbox issued) are subject to RBAC; every other caller
/// (the sandbox's own kubeconfig user, requests without credentials) is the sandbox's administrator, as it always was.
/// </summary>
internal sealed record RequestUser(string Name, IReadOnlyList<string> Groups, string? ServiceAccountNamespace, string? ServiceAccountName)
{
    public const string ContextKey = "DemoConsole.Sandbox.User";

    /// <summary>The identity of a caller RBAC does not apply to (the sandbox has no other users to tell apart).</summary>
    public static readonly RequestUser Administrator = new("sandbox-admin", ["system:masters", "system:authenticated"], null, null);

    public bool IsServiceAccount => ServiceAccountName is not null;

    public static RequestUser ServiceAccount(string ns, string name) => new(
        $"system:serviceaccount:{ns}:{name}",
        ["system:serviceaccounts", $"system:serviceaccounts:{ns}", "system:authenticated"],
        ns,
        name);

    public static RequestUser Of(HttpContext context) =>
        context.Items.TryGetValue(ContextKey, out var user) && user is RequestUser u ? u : Administrator;
}
