namespace DemoConsole.Sandbox.Gateway;

/// <summary>
/// A workload of the mesh as Istio's telemetry names it: the workload (Deployment/StatefulSet) name, its namespace,
/// its app label (the canonical service), the Kubernetes Service in front of it, and whether a sidecar is injected
/// (the data tier runs without one, so its edges are plaintext and reported by the client side only).
/// </summary>
internal sealed record MeshWorkload(string App, string Workload, string Namespace, string Service, bool Sidecar)
{
    public static readonly MeshWorkload IngressGateway = new("istio-ingressgateway", "istio-ingressgateway", "istio-system", "istio-ingressgateway", true);
    public static readonly MeshWorkload ApiGateway = new("api-gateway", "prod-api-gateway-deployment", "titanium-prod", "prod-api-gateway", true);
    public static readonly MeshWorkload AuthService = new("auth-service", "prod-auth-service-deployment", "titanium-prod", "prod-auth-service", true);
    public static readonly MeshWorkload UserService = new("user-service", "prod-user-service-deployment", "titanium-prod", "prod-user-service", true);
    public static readonly MeshWorkload BlogService = new("blog-service", "prod-blog-service-deployment", "titanium-prod", "prod-blog-service", true);
    public static readonly MeshWorkload PostgreSql = new("postgresql", "postgresql", "titanium-prod", "postgresql-service", false);
    public static readonly MeshWorkload Redis = new("redis", "prod-redis", "titanium-prod", "prod-redis-service", false);

    public static IReadOnlyList<MeshWorkload> All { get; } = [IngressGateway, ApiGateway, AuthService, UserService, BlogService, PostgreSql, Redis];

    public static MeshWorkload? ByApp(string app) => All.FirstOrDefault(w => w.App == app);

    public string ServiceHost => $"{Service}.{Namespace}.svc.cluster.local";

    /// <summary>The SPIFFE identity of the workload's service account (every Titanium pod runs as "default").</summary>
    public string Principal => App == IngressGateway.App
        ? "spiffe://cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account"
        : $"spiffe://cluster.local/ns/{Namespace}/sa/default";

    /// <summary>
    /// The data stores each service reaches per request (the seed's architecture: PostgreSQL for records, Redis for
    /// sessions and the blog's hot posts).
    /// </summary>
    public IReadOnlyList<MeshWorkload> DataStores => App switch
    {
        "auth-service" => [PostgreSql, Redis],
        "user-service" => [PostgreSql],
        "blog-service" => [Redis, PostgreSql],
        _ => [],
    };
}
