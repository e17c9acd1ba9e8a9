using DemoConsole.Core.Scenarios;
using DemoConsole.Web.Configuration;
using Microsoft.Extensions.Options;

namespace DemoConsole.Web.Security;

/// <summary>
/// The origins the console may embed in iframes: exactly those of the scenario's panels plus any configured
/// ones. Read per request, so a reloaded scenario's panels are allowed without a restart.
/// </summary>
public sealed class FrameOriginPolicy(IScenarioSource scenarios, IOptions<DemoConsoleOptions> options)
{
    public IReadOnlyList<string> Origins() =>
        scenarios.Current.Scenario.Panels.Select(p => p.Url)
            .Concat(options.Value.FrameOrigins.Select(o => new Uri(o)))
            .Select(u => u.GetLeftPart(UriPartial.Authority))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)
            .ToList();

    public string ContentSecurityPolicy()
    {
        var frames = string.Join(' ', Origins().Prepend("'self'"));
        // Scripts only from the console's own files (no inline script, no eval): a string that slips through as HTML
        // still cannot run. Styles may be inline because MudBlazor sets positions and sizes in style attributes.
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
            + $"frame-src {frames}; frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
    }
}
