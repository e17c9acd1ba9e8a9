namespace DemoConsole.Sandbox.Store;

/// <summary>Every resource the sandbox serves; discovery, routing and the store all read this one table.</summary>
internal static class ResourceTypes
{
    public static readonly ResourceType Namespaces = Core("namespaces", "namespace", "Namespace", false, ["ns"], ["status", "finalize"]);
    public static readonly ResourceType Nodes = Core("nodes", "node", "Node", false, ["no"], ["status"]);
    public static readonly ResourceType Pods = Core("pods", "pod", "Pod", true, ["po"], ["log", "status"]);
    public static readonly ResourceType Services = Core("services", "service", "Service", true, ["svc"], ["status"]);
    public static readonly ResourceType Events = Core("events", "event", "Event", true, ["ev"], []);
    public static readonly ResourceType Secrets = Core("secrets", "secret", "Secret", true, [], []);
    public static readonly ResourceType ConfigMaps = Core("configmaps", "configmap", "ConfigMap", true, ["cm"], []);
    public static readonly ResourceType ServiceAccounts = Core("serviceaccounts", "serviceaccount", "ServiceAccount", true, ["sa"], ["token"]);
    public static readonly ResourceType Deployments = Apps("deployments", "deployment", "Deployment", ["deploy"]);
    public static readonly ResourceType ReplicaSets = Apps("replicasets", "replicaset", "ReplicaSet", ["rs"]);
    public static readonly ResourceType StatefulSets = Apps("statefulsets", "statefulset", "StatefulSet", ["sts"]);

    public static readonly ResourceType HorizontalPodAutoscalers = new(
        "autoscaling", "v2", "horizontalpodautoscalers", "horizontalpodautoscaler", "HorizontalPodAutoscaler", true, ["hpa"], ["status"]);

    public static readonly ResourceType NetworkPolicies = new(
        "networking.k8s.io", "v1", "networkpolicies", "networkpolicy", "NetworkPolicy", true, ["netpol"], []);

    public static readonly ResourceType EndpointSlices = new(
        "discovery.k8s.io", "v1", "endpointslices", "endpointslice", "EndpointSlice", true, [], []);

    public static readonly ResourceType Applications = new(
        "argoproj.io", "v1alpha1", "applications", "application", "Application", true, ["app", "apps"], []);

    public static readonly ResourceType PeerAuthentications = new(
        "security.istio.io", "v1", "peerauthentications", "peerauthentication", "PeerAuthentication", true, ["pa"], []);

    public static readonly ResourceType PrometheusRules = new(
        "monitoring.coreos.com", "v1", "prometheusrules", "prometheusrule", "PrometheusRule", true, ["promrule"], []);

    /// <summary>What leader election holds (KubernetesClient's and client-go's LeaseLock): optimistic concurrency is all it needs.</summary>
    public static readonly ResourceType Leases = new(
        "coordination.k8s.io", "v1", "leases", "lease", "Lease", true, [], []);

    public static readonly ResourceType Roles = Rbac("roles", "role", "Role", true);
    public static readonly ResourceType ClusterRoles = Rbac("clusterroles", "clusterrole", "ClusterRole", false);
    public static readonly ResourceType RoleBindings = Rbac("rolebindings", "rolebinding", "RoleBinding", true);
    public static readonly ResourceType ClusterRoleBindings = Rbac("clusterrolebindings", "clusterrolebinding", "ClusterRoleBinding", false);

    public static readonly IReadOnlyList<ResourceType> All =
    [
        Namespaces, Nodes, Pods, Services, Events, ConfigMaps, Secrets, ServiceAccounts, Deployments, ReplicaSets, StatefulSets,
        HorizontalPodAutoscalers, NetworkPolicies, EndpointSlices, Leases, Roles, ClusterRoles, RoleBindings, ClusterRoleBindings,
        Applications, PeerAuthentications, PrometheusRules,
    ];

    /// <summary>Group/version pairs in the order discovery lists them (core first, as a cluster does).</summary>
    public static IEnumerable<(string Group, string Version)> GroupVersions =>
        All.Select(t => (t.Group, t.Version)).Distinct();

    public static ResourceType? Find(string group, string version, string plural) =>
        All.FirstOrDefault(t => t.Group == group && t.Version == version && t.Plural == plural);

    public static ResourceType? FindByKind(string apiVersion, string kind) =>
        All.FirstOrDefault(t => t.GroupVersion == apiVersion && t.Kind == kind);

    private static ResourceType Core(string plural, string singular, string kind, bool namespaced, string[] shortNames, string[] subresources) =>
        new("", "v1", plural, singular, kind, namespaced, shortNames, subresources);

    private static ResourceType Rbac(string plural, string singular, string kind, bool namespaced) =>
        new("rbac.authorization.k8s.io", "v1", plural, singular, kind, namespaced, [], []);

    private static ResourceType Apps(string plural, string singular, string kind, string[] shortNames) =>
        new("apps", "v1", plural, singular, kind, true, shortNames, ["status", "scale"]);
}
