using Microsoft.AspNetCore.Authorization;

namespace DemoConsole.Web.Security;

/// <summary>Watching needs the viewer token or the presenter's sign-in, unless watching is configured open.</summary>
public sealed class WatchRequirement : IAuthorizationRequirement;

public sealed class WatchRequirementHandler(ConsoleSecrets secrets) : AuthorizationHandler<WatchRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, WatchRequirement requirement)
    {
        if (secrets.OpenWatching || context.User.IsInRole(ConsoleClaims.ViewerRole) || context.User.IsInRole(ConsoleClaims.PresenterRole))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
