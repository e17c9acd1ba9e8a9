using DemoConsole.Core.Messages;
using System.Security.Claims;
using DemoConsole.Core.Recording;
using DemoConsole.Core.Recording.Replay;
using DemoConsole.Core.Session;
using DemoConsole.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace DemoConsole.Web.Api;

/// <summary>
/// Recordings over HTTP, presenter only: the download for the recordings page (the sign-in cookie) and, for remotes
/// (the presenter key as bearer), list, replay, leave the replay, switch recording and delete.
/// </summary>
public static class RecordingEndpoints
{
    public static IEndpointRouteBuilder MapRecordings(this IEndpointRouteBuilder app)
    {
        app.MapGet("/present/recordings/{name}", (string name, Recorder recorder) =>
            recorder.Store?.PathOf(name) is { } path
                // Shared read: the file may be the one being written; what is there so far is a readable recording.
                ? Results.Stream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), "application/x-ndjson", name)
                : Results.NotFound())
            .RequireAuthorization(ConsoleClaims.PresenterPolicy);

        var presenter = new AuthorizeAttribute { AuthenticationSchemes = ConsoleClaims.BearerScheme, Policy = ConsoleClaims.PresenterPolicy };
        var api = app.MapGroup("/api").DisableAntiforgery().RequireAuthorization(presenter);

        // A read, so it does not count against the writes' limit (as the other API reads do not).
        api.MapGet("/recordings", (Recorder recorder) => recorder.List());

        var writes = api.MapGroup(string.Empty).RequireRateLimiting(ConsoleRateLimits.ApiWrites);

        writes.MapPost("/recordings/{name}/replay", (string name, Recorder recorder, ReplayPlayer player, ClaimsPrincipal user) =>
            recorder.Store?.Open(name) is { } content
                ? ConsoleApi.ToResult(player.Open(user.ToActor(), name, content), () => player.Status)
                : Results.NotFound(new ErrorDto(new UiMessage("Recording_NotFound", name).Format())));

        writes.MapDelete("/recordings/{name}", (string name, Recorder recorder, ClaimsPrincipal user) =>
            ConsoleApi.ToResult(recorder.Delete(user.ToActor(), name), () => new { deleted = name }));

        writes.MapPost("/replay/leave", (ReplayPlayer player, ClaimsPrincipal user) => ConsoleApi.ToResult(player.Leave(user.ToActor()), () => player.Status));

        writes.MapPost("/recording/{state:regex(^(on|off)$)}", (string state, Recorder recorder, ClaimsPrincipal user) =>
            ConsoleApi.ToResult(recorder.Switch(user.ToActor(), state == "on"), () => recorder.Status));

        return app;
    }

}
