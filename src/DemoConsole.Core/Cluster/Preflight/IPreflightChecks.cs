using System.Text.Json.Serialization;
using DemoConsole.Core.Messages;
using DemoConsole.Core.Scenarios;

namespace DemoConsole.Core.Cluster;

/// <summary>
/// The runbook's "30 minutes before" checklist as automatic checks: pods Running and Ready in the demo's
/// namespaces, the gateway answering GET /blog/ with 200, every panel reachable and embeddable, the load
/// generator running.
/// </summary>
public interface IPreflightChecks
{
    /// <summary>
    /// Runs every check, concurrently and independently (a failing or hanging check never stops the others),
    /// and returns one result per check in a stable order. Never throws for cluster or network problems.
    /// </summary>
    Task<IReadOnlyList<PreflightResult>> RunAsync(PreflightRequest request, CancellationToken cancellationToken = default);
}

/// <summary>What to check beyond the cluster: the scenario's panels and the origin the console is served from.</summary>
/// <param name="Panels">The panels to probe (each at the URL its iframe will use).</param>
/// <param name="ConsoleOrigin">This console's origin, which the panels' framing rules must allow.</param>
/// <param name="Gateway">Overrides <see cref="Actions.IGatewayAddress"/> when set.</param>
/// <param name="Repositories">The demo commits' repositories, branches and files: readable, Actions readable (checked when an access check is registered).</param>
public sealed record PreflightRequest(IReadOnlyList<PanelDefinition> Panels, Uri ConsoleOrigin, Uri? Gateway = null, IReadOnlyList<Pipeline.RepositoryTarget>? Repositories = null);

/// <summary>One check's outcome: green or red, what was found, and when it ran.</summary>
/// <param name="Id">Stable key for the page ("pods:titanium-prod", "gateway", "panel:grafana-overview", "load-generator").</param>
/// <param name="Title">What was checked.</param>
/// <param name="Finding">What was found.</param>
/// <param name="Remedy">What to do about a failure, when known.</param>
/// <remarks>
/// The messages are rendered when read (<see cref="Name"/>, <see cref="Detail"/>, <see cref="Fix"/>): in the language of
/// the screen or the API request that reads them, so one run serves a presenter in either language.
/// </remarks>
public sealed record PreflightResult(
    string Id,
    [property: JsonIgnore] UiMessage Title,
    bool Passed,
    [property: JsonIgnore] UiMessage Finding,
    DateTimeOffset RanAt,
    [property: JsonIgnore] UiMessage? Remedy = null)
{
    public string Name => Title.Format();

    public string Detail => Finding.Format();

    public string? Fix => Remedy?.Format();
}
