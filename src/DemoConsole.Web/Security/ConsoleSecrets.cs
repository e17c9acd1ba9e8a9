using System.Security.Cryptography;
using System.Text;
using DemoConsole.Web.Configuration;
using Microsoft.Extensions.Options;

namespace DemoConsole.Web.Security;

/// <summary>
/// The presenter key and the viewer token of this run: configured, or generated once at start so that an
/// unconfigured console is never open to anyone who can reach it.
/// </summary>
public sealed class ConsoleSecrets
{
    public ConsoleSecrets(IOptions<DemoConsoleOptions> options)
    {
        var auth = options.Value.Auth;
        PresenterKeyWasGenerated = string.IsNullOrEmpty(auth.PresenterKey);
        PresenterKey = PresenterKeyWasGenerated ? Generate() : auth.PresenterKey!;
        ViewerToken = string.IsNullOrEmpty(auth.ViewerToken) ? Generate() : auth.ViewerToken;
        OpenWatching = auth.OpenWatching;
    }

    public string PresenterKey { get; }

    public string ViewerToken { get; }

    public bool PresenterKeyWasGenerated { get; }

    public bool OpenWatching { get; }

    public bool IsPresenterKey(string? candidate) => FixedTimeEquals(candidate, PresenterKey);

    public bool IsViewerToken(string? candidate) => FixedTimeEquals(candidate, ViewerToken);

    // Fixed-time comparison so response timing does not leak how much of a guessed key was right.
    private static bool FixedTimeEquals(string? candidate, string secret) =>
        candidate is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(secret));

    private static string Generate() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}
