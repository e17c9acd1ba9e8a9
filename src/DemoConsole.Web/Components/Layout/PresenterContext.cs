using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Security;
using DemoConsole.Core.Session;

namespace DemoConsole.Web.Components.Layout;

/// <summary>What the presenter layout cascades to its pages: who is looking, and the live session.</summary>
public sealed record PresenterContext(Actor Actor, SessionSnapshot Snapshot, ScenarioState Scenario);
