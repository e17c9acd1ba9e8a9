using DemoConsole.Core.Scenarios;
using DemoConsole.Core.Session;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace DemoConsole.Web.Components.Panels;

/// <summary>
/// The script of the current page: adjustable size, auto-scroll, mirror mode for a reflective prompter, and
/// the paragraph at the reading line highlighted (wwwroot/js/teleprompter.js). Settings are kept per presenter.
/// </summary>
public sealed partial class Teleprompter : IAsyncDisposable
{
    private ElementReference _scroller;
    private IJSObjectReference? _module;
    private TeleprompterSettings _settings = TeleprompterSettings.Default;
    private bool _playing;
    private List<ScriptBlock>? _shownScript;
    private bool _scriptChanged;

    [Inject]
    private PresenterPreferences Preferences { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired]
    public IEnumerable<ScriptBlock> Script { get; set; } = [];

    [Parameter, EditorRequired]
    public string Presenter { get; set; } = "";

    protected override void OnParametersSet()
    {
        _settings = Preferences.Teleprompter(Presenter);

        // The same pane shows the next part's script: start it from the top, paused, with its first paragraph lit.
        // Compared by content: the page re-renders on every session change and passes a new sequence each time.
        var script = Script.ToList();
        if (_shownScript is not null && !_shownScript.SequenceEqual(script))
        {
            _scriptChanged = true;
            _playing = false;
        }

        _shownScript = script;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/teleprompter.js");
            await _module.InvokeVoidAsync("attach", _scroller, _settings.ScrollSpeed);
        }
        else if (_scriptChanged && _module is not null)
        {
            _scriptChanged = false;
            await _module.InvokeVoidAsync("reset", _scroller);
        }
    }

    private async Task TogglePlayAsync()
    {
        _playing = !_playing;
        if (_module is not null)
        {
            await _module.InvokeVoidAsync(_playing ? "play" : "pause", _scroller);
        }
    }

    private Task FontSizeChangedAsync(ChangeEventArgs e) =>
        SaveAsync(_settings with { FontSize = ParseOr(e.Value, _settings.FontSize) });

    private Task SpeedChangedAsync(ChangeEventArgs e) =>
        SaveAsync(_settings with { ScrollSpeed = ParseOr(e.Value, _settings.ScrollSpeed) });

    private Task MirrorChangedAsync(bool mirror) => SaveAsync(_settings with { Mirror = mirror });

    private async Task SaveAsync(TeleprompterSettings settings)
    {
        Preferences.SetTeleprompter(Presenter, settings);
        _settings = Preferences.Teleprompter(Presenter);
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("setSpeed", _scroller, _settings.ScrollSpeed);
        }
    }

    private static int ParseOr(object? value, int fallback) =>
        int.TryParse(value?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;

    public async ValueTask DisposeAsync()
    {
        if (_module is null)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("detach", _scroller);
            await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone.
        }
    }
}
