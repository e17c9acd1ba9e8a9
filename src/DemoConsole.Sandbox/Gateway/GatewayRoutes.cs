namespace DemoConsole.Sandbox.Gateway;

/// <summary>One route of the platform's ingress: path, allowed methods, and the deployment (app label) serving it.</summary>
internal sealed record GatewayRoute(string Path, bool Prefix, IReadOnlyList<string> Methods, string App, string Service, Func<string, string, GatewayResponse> Respond);

/// <summary>A response the gateway sends, before latency and logging are applied.</summary>
internal sealed record GatewayResponse(int Status, string ContentType, string Body, string? Allow = null)
{
    public static GatewayResponse Json(string body, int status = 200) => new(status, "application/json", body);

    public static GatewayResponse Text(int status, string body) => new(status, "text/plain; charset=utf-8", body);
}

/// <summary>
/// The routes of the Titanium platform: the blog (HTML), auth and user APIs. Anything else is 404 (from the
/// gateway itself), a known path with the wrong method is 405 with an Allow header.
/// </summary>
internal static class GatewayRoutes
{
    public static readonly IReadOnlyList<GatewayRoute> All =
    [
        new("/blog/", false, ["GET", "HEAD"], "blog-service", "prod-blog-service", (_, _) => new(200, "text/html; charset=utf-8", BlogPage.Html)),
        new("/blog", false, ["GET", "HEAD"], "blog-service", "prod-blog-service", (_, _) => new(200, "text/html; charset=utf-8", BlogPage.Html)),
        new("/blog/api/posts", false, ["GET", "HEAD"], "blog-service", "prod-blog-service", (_, _) => GatewayResponse.Json(BlogPage.PostsJson)),
        new("/api/auth/login", false, ["POST"], "auth-service", "prod-auth-service",
            (_, _) => GatewayResponse.Json("{\"access_token\":\"demo-token\",\"token_type\":\"bearer\",\"expires_in\":3600}")),
        new("/api/auth/verify", false, ["GET", "POST"], "auth-service", "prod-auth-service",
            (_, _) => GatewayResponse.Json("{\"valid\":true,\"user\":\"demo\"}")),
        new("/api/users", false, ["GET", "HEAD"], "user-service", "prod-user-service",
            (_, _) => GatewayResponse.Json("[{\"id\":1,\"username\":\"demo\",\"email\":\"demo@titanium.local\"},{\"id\":2,\"username\":\"admin\",\"email\":\"admin@titanium.local\"}]")),
        new("/api/users/", true, ["GET", "HEAD"], "user-service", "prod-user-service", UserById),
        new("/health", false, ["GET", "HEAD"], "api-gateway", "prod-api-gateway", (_, _) => GatewayResponse.Json("{\"status\":\"ok\"}")),
        new("/", false, ["GET", "HEAD"], "api-gateway", "prod-api-gateway",
            (_, _) => GatewayResponse.Text(200, "Titanium API Gateway: /blog/, /api/auth/login, /api/users")),
    ];

    public static GatewayRoute? Find(string path) =>
        All.FirstOrDefault(r => r.Path == path) ?? All.FirstOrDefault(r => r.Prefix && path.StartsWith(r.Path, StringComparison.Ordinal));

    private static GatewayResponse UserById(string method, string path)
    {
        var id = path["/api/users/".Length..].TrimEnd('/');
        return id is "1" or "2"
            ? GatewayResponse.Json($"{{\"id\":{id},\"username\":\"{(id == "1" ? "demo" : "admin")}\"}}")
            : GatewayResponse.Json("{\"detail\":\"User not found\"}", 404);
    }
}
