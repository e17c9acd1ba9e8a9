namespace DemoConsole.Sandbox.Store;

/// <summary>One kind of object the API serves: where it lives on the wire and how discovery names it.</summary>
internal sealed record ResourceType(
    string Group,
    string Version,
    string Plural,
    string Singular,
    string Kind,
    bool Namespaced,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Subresources)
{
    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    /// <summary>"pods" or "deployments.apps": what Status details and error messages call the resource.</summary>
    public string QualifiedName => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>Whether <c>kubectl get all</c> includes it (the "all" category of a cluster).</summary>
    public bool InAllCategory => Plural is "pods" or "services" or "deployments" or "replicasets" or "statefulsets" or "horizontalpodautoscalers";

    public static readonly IReadOnlyList<string> Verbs =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
}
