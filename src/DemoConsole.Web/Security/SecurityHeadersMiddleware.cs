namespace DemoConsole.Web.Security;

/// <summary>
/// Adds the console's security headers to every response. The Content-Security-Policy is computed per
/// response from <see cref="FrameOriginPolicy"/>, so a reloaded scenario's panels may be framed without a restart.
/// </summary>
public static class SecurityHeadersMiddleware
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var policy = context.RequestServices.GetRequiredService<FrameOriginPolicy>();
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy.ContentSecurityPolicy();
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            await next();
        });
}
