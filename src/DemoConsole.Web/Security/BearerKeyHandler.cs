using System.Text.Encodings.Web;
using DemoConsole.Core.Session;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DemoConsole.Web.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c> for remotes and scripts: the presenter key signs in as the
/// presenter's remote, the viewer token as a read-only viewer.
/// </summary>
public sealed class BearerKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ConsoleSecrets secrets)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var key = header[Prefix.Length..].Trim();
        var principal = secrets.IsPresenterKey(key) ? ConsoleClaims.Principal(DemoSession.RemoteName, ConsoleClaims.PresenterRole, Scheme.Name)
            : secrets.IsViewerToken(key) ? ConsoleClaims.Principal("viewer", ConsoleClaims.ViewerRole, Scheme.Name)
            : null;
        return Task.FromResult(principal is null
            ? AuthenticateResult.Fail("The key is not valid.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }
}
