using DemoConsole.Core.Messages;
using System.Globalization;
using DemoConsole.Core.Recording;
using DemoConsole.Core.Recording.Replay;
using DemoConsole.Core.Security;
using DemoConsole.Core.Session;
using DemoConsole.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace DemoConsole.Web.Components.Pages;

/// <summary>
/// The recordings list: replay one on every screen, download it, delete it. Each button goes to a Core service that
/// checks the presenter role again; the page's policy is not the only guard.
/// </summary>
public sealed partial class Recordings
{
    private IReadOnlyList<RecordingSummary> _list = [];
    private RecorderStatus _recorder = RecorderStatus.Off(false);
    private Actor _actor = Actor.Viewer("anonymous");

    [Inject]
    private Recorder Recorder { get; set; } = default!;

    [Inject]
    private ReplayPlayer Player { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private RecordingStore? Store => Recorder.Store;

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            _actor = (await AuthenticationState).User.ToActor();
        }

        _recorder = Recorder.Status;
        await ReloadAsync();
        // The list changes when a recording starts or stops; the file being written grows, and is read again then.
        Follow(Recorder.WatchAsync, async (RecorderStatus status) =>
        {
            _recorder = status;
            await ReloadAsync();
        });
    }

    // Reading the files is I/O: off the renderer.
    private async Task ReloadAsync() => _list = Store is not null ? await Task.Run(Recorder.List) : [];

    private async Task Replay(RecordingSummary recording)
    {
        if (Store is not { } store)
        {
            return;
        }

        var content = await Task.Run(() => store.Open(recording.Name));
        var result = content is null ? CommandResult.Refused(new UiMessage("Recording_NotFound", recording.Name)) : Player.Open(_actor, recording.Name, content);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Describe(), Severity.Warning);
        }
    }

    private async Task DeleteAsync(RecordingSummary recording)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Recordings_Title"], L["Recordings_DeleteQuestion", recording.Name], L["Recordings_Delete"], cancelText: "×") != true)
        {
            return;
        }

        var result = Recorder.Delete(_actor, recording.Name);
        if (!result.Succeeded)
        {
            Snackbar.Add(result.Describe(), Severity.Warning);
        }

        await ReloadAsync();
    }

    private static string Date(DateTimeOffset at) => at.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string FileSize(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB");
}
