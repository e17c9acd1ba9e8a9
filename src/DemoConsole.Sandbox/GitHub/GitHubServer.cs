using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DemoConsole.Sandbox.GitHub;

/// <summary>
/// The GitHub REST twin on its own port, under GitHub Enterprise's /api/v3/ prefix so Octokit's GitHubClient with the
/// sandbox address as its Enterprise base address works unchanged: token authentication (401 Bad credentials),
/// fine-grained permissions (403), the primary rate limit with X-RateLimit-* headers, ETag/If-None-Match (304, free),
/// and GitHub's error bodies.
/// </summary>
internal static class GitHubServer
{
    public const string Prefix = "/api/v3";

    public static WebApplication Build(GitHubTwin twin, RequestJournal journal, TimeProvider time, IPAddress address, int port)
    {
        var app = LoopbackWebApp.CreateBuilder(address, port).Build();
        app.Run(async context =>
        {
            journal.Add(new ApiRequestRecord(time.GetUtcNow(), context.Request.Method, context.Request.Path.Value ?? "", context.Request.QueryString.Value ?? ""));
            await HandleAsync(context, twin);
        });
        return app;
    }

    private static async Task HandleAsync(HttpContext context, GitHubTwin twin)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (!path.StartsWith(Prefix + "/", StringComparison.Ordinal) && path != Prefix)
        {
            await WriteAsync(context, GitHubReply.NotFound(), null, twin);
            return;
        }

        var segments = path[Prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
        var authorization = request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("token ", StringComparison.OrdinalIgnoreCase) || authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization[(authorization.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim()
            : "";
        if (token.Length == 0)
        {
            await WriteAsync(context, GitHubReply.Error(401, "Requires authentication"), null, twin);
            return;
        }

        if (twin.Access.Find(token) is not { } owner)
        {
            await WriteAsync(context, GitHubReply.Error(401, "Bad credentials"), null, twin);
            return;
        }

        if (segments is ["rate_limit"])
        {
            await WriteAsync(context, GitHubReply.Ok(RateLimit(twin.Access, token)), token, twin, counted: false);
            return;
        }

        if (twin.Access.Exhausted(token))
        {
            var exceeded = GitHubReply.Error(403, $"API rate limit exceeded for user ID {owner.User.Id}. If you reach out to GitHub Support for help, please include the request ID {RequestId()}.",
                "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api");
            await WriteAsync(context, exceeded, token, twin, counted: false);
            return;
        }

        JsonNode? body = null;
        if (request.Method is "PUT" or "POST" or "PATCH")
        {
            // Octokit sends JSON labelled application/x-www-form-urlencoded: parse the body whatever its Content-Type.
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(context.RequestAborted);
            try
            {
                body = text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                await WriteAsync(context, GitHubReply.Error(400, "Problems parsing JSON"), token, twin);
                return;
            }
        }

        var call = new GitHubCall(request.Method, segments, request.Query, body, token, owner.User, owner.Permissions, GitHubUrls.From(request));
        var reply = Route(call, twin) ?? GitHubReply.NotFound();
        await WriteAsync(context, reply, token, twin);
    }

    private static GitHubReply? Route(GitHubCall call, GitHubTwin twin)
    {
        var s = call.Segments;
        if (s is ["user"] && call.Method == "GET")
        {
            var user = GitHubJson.User(call.Urls, call.User);
            user["name"] = call.User.Name;
            return GitHubReply.Ok(user);
        }

        if (s.Count < 3 || s[0] != "repos")
        {
            return null;
        }

        if (!twin.Repository.Matches(s[1], s[2]))
        {
            return GitHubReply.NotFound("https://docs.github.com/rest/repos/repos#get-a-repository");
        }

        var inner = call with { Segments = s.Skip(3).ToList() };
        return twin.Routes.Handle(inner) ?? twin.Actions.Handle(inner);
    }

    private static async Task WriteAsync(HttpContext context, GitHubReply reply, string? token, GitHubTwin twin, bool counted = true)
    {
        var response = context.Response;
        var bytes = reply.Body is null ? [] : Encoding.UTF8.GetBytes(reply.Body.ToJsonString());
        var status = reply.Status;
        if (context.Request.Method == "GET" && status == 200)
        {
            var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\"";
            response.Headers.ETag = etag;
            response.Headers.CacheControl = "private, max-age=60, s-maxage=60";
            if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Select(e => e.Trim()).Contains(etag)))
            {
                // A conditional request answered 304 does not count against the primary rate limit.
                status = 304;
                counted = false;
            }
        }

        if (token is not null)
        {
            if (counted)
            {
                twin.Access.Count(token);
            }

            var (used, remaining, reset) = twin.Access.Peek(token);
            response.Headers["X-RateLimit-Limit"] = twin.Access.LimitPerHour.ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Reset"] = reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Used"] = used.ToString(CultureInfo.InvariantCulture);
            response.Headers["X-RateLimit-Resource"] = "core";
        }

        foreach (var (name, value) in reply.Headers)
        {
            response.Headers[name] = value;
        }

        response.StatusCode = status;
        response.Headers["X-GitHub-Api-Version-Selected"] = "2022-11-28";
        response.Headers["X-GitHub-Media-Type"] = "github.v3; format=json";
        response.Headers["X-GitHub-Request-Id"] = RequestId();
        response.Headers.Vary = "Accept, Authorization, Cookie, X-GitHub-OTP";
        response.Headers.Server = "GitHub.com";
        if (status != 304 && reply.Body is not null)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.Body.WriteAsync(bytes, context.RequestAborted);
        }
    }

    private static JsonObject RateLimit(GitHubAccess access, string token)
    {
        var (used, remaining, reset) = access.Peek(token);
        JsonObject Core() => new()
        {
            ["limit"] = access.LimitPerHour,
            ["remaining"] = remaining,
            ["reset"] = reset.ToUnixTimeSeconds(),
            ["used"] = used,
            ["resource"] = "core",
        };
        return new JsonObject { ["resources"] = new JsonObject { ["core"] = Core() }, ["rate"] = Core() };
    }

    private static string RequestId() => string.Create(CultureInfo.InvariantCulture, $"{RandomNumberGenerator.GetInt32(0x1000, 0xFFFF):X4}:{RandomNumberGenerator.GetInt32(0x100000, 0xFFFFFF):X6}");
}
