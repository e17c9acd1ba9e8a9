using System.Security.Claims;
using DemoConsole.Core.Actions;
using DemoConsole.Core.Cluster;
using DemoConsole.Core.Session;
using DemoConsole.Core.StopAll;
using DemoConsole.Web.Hosting;
using DemoConsole.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace DemoConsole.Web.Api;

/// <summary>
/// The HTTP API for remotes (a phone, a clicker app, scripts). It drives the same session and executor as the
/// screens, so every rule (roles, driver, guard rails) applies to it identically.
/// </summary>
public static class ConsoleApi
{
    public static IEndpointRouteBuilder MapConsoleApi(this IEndpointRouteBuilder app)
    {
        var read = new AuthorizeAttribute { AuthenticationSchemes = ConsoleClaims.BearerScheme };
        var write = new AuthorizeAttribute { AuthenticationSchemes = ConsoleClaims.BearerScheme, Policy = ConsoleClaims.PresenterPolicy };
        var api = app.MapGroup("/api").DisableAntiforgery();

        api.MapGet("/session", (DemoSession session) =>
            SessionDto.From(session.Scenario, session.Snapshot, session.ReadTimers())).RequireAuthorization(read);

        api.MapPost("/session/part/{n:int}", (int n, DemoSession session, ClaimsPrincipal user) =>
            ToResult(session.GoTo(user.ToActor(), SessionPosition.ForPart(n)), () => SessionDto.From(session.Scenario, session.Snapshot, session.ReadTimers())))
            .RequireAuthorization(write).RequireRateLimiting(ConsoleRateLimits.ApiWrites);

        api.MapPost("/session/next", (DemoSession session, ClaimsPrincipal user) =>
            ToResult(session.Step(user.ToActor(), 1), () => SessionDto.From(session.Scenario, session.Snapshot, session.ReadTimers())))
            .RequireAuthorization(write).RequireRateLimiting(ConsoleRateLimits.ApiWrites);

        api.MapPost("/session/previous", (DemoSession session, ClaimsPrincipal user) =>
            ToResult(session.Step(user.ToActor(), -1), () => SessionDto.From(session.Scenario, session.Snapshot, session.ReadTimers())))
            .RequireAuthorization(write).RequireRateLimiting(ConsoleRateLimits.ApiWrites);

        api.MapGet("/actions", (ActionExecutor executor, ClaimsPrincipal user) =>
            executor.List(user.ToActor()).Select(ActionDto.From)).RequireAuthorization(read);

        api.MapPost("/actions/{id}/preview", async (string id, HttpRequest request, ActionExecutor executor, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        {
            var (body, invalid) = await ReadRunRequestAsync(request);
            if (invalid is not null)
            {
                return invalid;
            }

            var preview = await executor.PreviewAsync(user.ToActor(), id, body?.Parameters, cancellationToken);
            return Results.Ok(PreviewDto.From(preview));
        }).RequireAuthorization(write).RequireRateLimiting(ConsoleRateLimits.ApiWrites);

        api.MapPost("/actions/{id}/run", async (string id, HttpRequest request, ActionExecutor executor, ClaimsPrincipal user) =>
        {
            // An optional body names a preview to run exactly, or sets run-time parameters the action allows.
            var (body, invalid) = await ReadRunRequestAsync(request);
            if (invalid is not null)
            {
                return invalid;
            }

            var started = executor.Start(user.ToActor(), id, body?.Parameters, body?.PreviewId);
            return started.Started
                ? Results.Accepted($"/api/runs/{started.RunId}", new RunStartedDto(started.RunId))
                : Results.Conflict(new ErrorDto(started.Describe()));
        }).RequireAuthorization(write).RequireRateLimiting(ConsoleRateLimits.ApiWrites);

        api.MapGet("/runs", (ActionExecutor executor) => executor.Board.Runs.Select(RunDto.From)).RequireAuthorization(read);

        api.MapGet("/runs/{id}", (string id, ActionExecutor executor) =>
            executor.FindRun(id) is { } run ? Results.Ok(RunDto.From(run)) : Results.NotFound(new ErrorDto(Resources.UiText.Get("Api_NoRun", id))))
            .RequireAuthorization(read);

        api.MapPost("/runs/{id}/stop", (string id, ActionExecutor executor, ClaimsPrincipal user) =>
        {
            var stopped = executor.Stop(user.ToActor(), id);
            return stopped.Started ? Results.Accepted($"/api/runs/{id}", new RunStartedDto(id)) : Results.Conflict(new ErrorDto(stopped.Describe()));
        }).RequireAuthorization(write).RequireRateLimiting(ConsoleRateLimits.ApiWrites);

        // Stop everything: every running action, and what the console created this session. Presenter key only.
        // Not cancelled with the request: a caller that hangs up must not leave the clean-up half done.
        api.MapPost("/stop-all", async (StopEverything stop, ClaimsPrincipal user) =>
        {
            var report = await stop.RunAsync(user.ToActor(), CancellationToken.None);
            return report.Refusal is null ? Results.Ok(StopReportDto.From(report)) : Results.Json(new ErrorDto(report.Refusal.Format()), statusCode: StatusCodes.Status403Forbidden);
        }).RequireAuthorization(write).RequireRateLimiting(ConsoleRateLimits.ApiWrites);

        // The console's origin, for the panels' framing check, is the one this request came in on.
        api.MapPost("/preflight", async (IPreflightChecks checks, IGatewayAddress gateway, DemoSession session, HttpRequest request, CancellationToken cancellationToken) =>
            await checks.RunAsync(new PreflightRequest(session.Scenario.Panels.ToList(), new Uri($"{request.Scheme}://{request.Host}/"), gateway.Gateway,
                Core.Pipeline.DemoCommitKind.Targets(session.Scenario)), cancellationToken))
            .RequireAuthorization(write).RequireRateLimiting(ConsoleRateLimits.ApiWrites);

        api.MapGet("/sandbox", (EmbeddedSandbox sandbox, MetricsEndpoints metrics) => sandbox.Host is { } host
            ? Results.Ok(new SandboxDto(host.KubernetesApi, host.Gateway, host.KubeconfigPath, metrics.SandboxPrometheus, metrics.SandboxAlertmanager, host.GitHub, host.Faults))
            : Results.NotFound(new ErrorDto(Resources.UiText.Get("Api_NoSandbox"))))
            .RequireAuthorization(read);

        return app;
    }

    /// <summary>200 with <paramref name="body"/>, or 409 with the refusal in the request's language: every command's answer.</summary>
    internal static IResult ToResult(CommandResult result, Func<object> body) =>
        result.Succeeded ? Results.Ok(body()) : Results.Conflict(new ErrorDto(result.Describe()));

    /// <summary>The optional JSON body of a preview or run request, or a 400 naming what is wrong with it.</summary>
    private static async Task<(RunRequestDto? Body, IResult? Invalid)> ReadRunRequestAsync(HttpRequest request)
    {
        if (request.ContentLength is null or 0)
        {
            return (null, null);
        }

        try
        {
            return (await request.ReadFromJsonAsync<RunRequestDto>(), null);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return (null, Results.BadRequest(new ErrorDto(Resources.UiText.Get("Api_BadJson", ex.Message))));
        }
    }
}
