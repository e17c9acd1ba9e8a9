namespace DemoConsole.Sandbox.Store;

/// <summary>A failure the API reports as a Kubernetes Status object (code, reason, message, details).</summary>
internal sealed class ApiException(int code, string reason, string message, string? kind = null, string? name = null)
    : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public string? Kind { get; } = kind;

    public string? Name { get; } = name;

    /// <summary>The API group the Status details name (a 403 for deployments says "apps").</summary>
    public string? Group { get; init; }

    /// <summary>A continue token the Status carries in its list metadata (an expired page's way to go on).</summary>
    public string? Continue { get; init; }

    public static ApiException NotFound(ResourceType type, string name) =>
        new(404, "NotFound", $"{type.QualifiedName} \"{name}\" not found", type.Plural, name) { Group = GroupOf(type) };

    public static ApiException AlreadyExists(ResourceType type, string name) =>
        new(409, "AlreadyExists", $"{type.QualifiedName} \"{name}\" already exists", type.Plural, name) { Group = GroupOf(type) };

    public static ApiException Conflict(ResourceType type, string name) =>
        new(409, "Conflict",
            $"Operation cannot be fulfilled on {type.QualifiedName} \"{name}\": the object has been modified; please apply your changes to the latest version and try again",
            type.Plural, name) { Group = GroupOf(type) };

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException Invalid(ResourceType type, string name, string message) =>
        new(422, "Invalid", $"{type.Kind} \"{name}\" is invalid: {message}", type.Plural, name);

    /// <summary>The group a Status's details name; the core group is left out, as the API server leaves it out.</summary>
    private static string? GroupOf(ResourceType type) => type.Group.Length == 0 ? null : type.Group;

    public static ApiException Gone(string message) => new(410, "Expired", message);
}
