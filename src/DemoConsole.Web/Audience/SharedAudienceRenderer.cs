using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.HtmlRendering.Infrastructure;
using Microsoft.AspNetCore.Components.RenderTree;

// A renderer subclass is handed the render batch by the framework (BL0006 warns about using its types elsewhere).
#pragma warning disable BL0006

namespace DemoConsole.Web.Audience;

/// <summary>
/// One long-lived renderer for every light audience screen: it hosts the audience components once, says it is
/// interactive so their <c>LiveComponent.Follow</c> subscriptions run (a static renderer would render one still
/// picture), and reports each render batch so the owner can write the HTML again. It never runs JavaScript interop:
/// a render batch is "not displayed" (the base class's cancelled task), so no <c>OnAfterRender</c> runs.
/// </summary>
internal sealed partial class SharedAudienceRenderer(IServiceProvider services, ILoggerFactory loggers, Action rendered)
    : StaticHtmlRenderer(services, loggers)
{
    private readonly ILogger _logger = loggers.CreateLogger<SharedAudienceRenderer>();

    protected override RendererInfo RendererInfo { get; } = new("AudienceStream", isInteractive: true);

    protected override Task UpdateDisplayAsync(in RenderBatch renderBatch)
    {
        rendered();
        return base.UpdateDisplayAsync(renderBatch);
    }

    /// <summary>Disposes the components (their subscriptions stop) and the renderer.</summary>
    public ValueTask DisposeViewAsync() => DisposeAsync();

    /// <summary>A failing component must not end every viewer's screen: logged, and the next change renders again.</summary>
    protected override void HandleException(Exception exception) => LogRenderFailed(_logger, exception);

    [LoggerMessage(EventId = 1400, Level = LogLevel.Error, Message = "The light audience view failed to render")]
    private static partial void LogRenderFailed(ILogger logger, Exception exception);
}
