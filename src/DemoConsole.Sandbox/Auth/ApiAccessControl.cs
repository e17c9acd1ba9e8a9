using System.Text.Json.Nodes;
using DemoConsole.Sandbox.Api;
using DemoConsole.Sandbox.Store;

namespace DemoConsole.Sandbox.Auth;

/// <summary>
/// Authentication and authorization in front of the sandbox's Kubernetes API, in the API server's order: a bearer
/// token shaped like a JWT must be a valid service-account token the sandbox issued (else 401), and that service
/// account's requests must be allowed by RBAC (else 403, before any routing). Other callers — the sandbox's kubeconfig
/// user and requests without credentials — are the administrator and pass, as before. Also serves
/// SelfSubjectAccessReview, which <c>kubectl auth can-i</c> asks.
/// </summary>
internal sealed class ApiAccessControl(ServiceAccountTokens tokens, RbacAuthorizer authorizer)
{
    public const string AccessReviewPath = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var user = Authenticate(context.Request);
        if (user is null)
        {
            throw new ApiException(401, "Unauthorized", "Unauthorized");
        }

        context.Items[RequestUser.ContextKey] = user;
        var attributes = RequestAttributes.Parse(context.Request);
        if (user.IsServiceAccount && !authorizer.Allows(user, attributes))
        {
            throw Forbidden.For(user, attributes);
        }

        if (context.Request.Path == AccessReviewPath && HttpMethods.IsPost(context.Request.Method))
        {
            await ReviewAsync(context, user);
            return;
        }

        await next();
    }

    private RequestUser? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return RequestUser.Administrator;
        }

        var token = header["Bearer ".Length..].Trim();
        return ServiceAccountTokens.LooksLikeJwt(token) ? tokens.Authenticate(token) : RequestUser.Administrator;
    }

    /// <summary>Answers whether the caller may do what spec.resourceAttributes (or nonResourceAttributes) describes.</summary>
    private async Task ReviewAsync(HttpContext context, RequestUser user)
    {
        var body = await RequestBody.ReadObjectAsync(context.Request);
        var spec = body["spec"] as JsonObject ?? throw ApiException.BadRequest("spec is required");
        RequestAttributes asked;
        if (spec["resourceAttributes"] is JsonObject r)
        {
            asked = new RequestAttributes((string?)r["verb"] ?? "", (string?)r["group"] ?? "", (string?)r["resource"] ?? "",
                (string?)r["subresource"] is { Length: > 0 } sub ? sub : null,
                (string?)r["namespace"] is { Length: > 0 } ns ? ns : null,
                (string?)r["name"] is { Length: > 0 } name ? name : null);
        }
        else if (spec["nonResourceAttributes"] is JsonObject n)
        {
            asked = new RequestAttributes((string?)n["verb"] ?? "", "", "", null, null, null, (string?)n["path"] ?? "");
        }
        else
        {
            throw new ApiException(422, "Invalid",
                "SelfSubjectAccessReview.authorization.k8s.io \"\" is invalid: spec.resourceAttributes: Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must be specified",
                "SelfSubjectAccessReview") { Group = "authorization.k8s.io" };
        }

        var allowed = !user.IsServiceAccount || authorizer.Allows(user, asked);
        body["metadata"] ??= new JsonObject { ["creationTimestamp"] = null };
        body["status"] = new JsonObject { ["allowed"] = allowed };
        context.Response.StatusCode = 201;
        await JsonOutput.WriteAsync(context, body);
    }
}
