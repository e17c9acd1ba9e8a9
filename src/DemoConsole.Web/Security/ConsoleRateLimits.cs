using System.Threading.RateLimiting;
using DemoConsole.Web.Configuration;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DemoConsole.Web.Security;

/// <summary>
/// Per-address limits on the routes a guesser would hammer: sign-in (the presenter key, the audience token) and the
/// API's write routes (a wrong bearer key counts too, because the limit applies before authorization). A refused
/// call gets 429 with Retry-After and is logged with the remote address, never with anything it sent.
/// </summary>
public static partial class ConsoleRateLimits
{
    public const string SignIn = "sign-in";
    public const string ApiWrites = "api-writes";

    public static IServiceCollection AddConsoleRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(SignIn, context => PerAddress(context, options => options.SignInPerMinute));
            limiter.AddPolicy(ApiWrites, context => PerAddress(context, options => options.ApiWritesPerMinute));
            limiter.OnRejected = (rejected, _) =>
            {
                var context = rejected.HttpContext;
                context.Response.Headers.RetryAfter = "60";
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleRateLimits));
                LogRefused(logger, context.Request.Path, Address(context));
                return ValueTask.CompletedTask;
            };
        });

    private static RateLimitPartition<string> PerAddress(HttpContext context, Func<AuthOptions, int> permits)
    {
        var limit = permits(context.RequestServices.GetRequiredService<IOptions<DemoConsoleOptions>>().Value.Auth);
        return RateLimitPartition.GetFixedWindowLimiter(Address(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "Too many calls to {Path} from {Remote}: refused with 429")]
    private static partial void LogRefused(ILogger logger, string path, string remote);
}
