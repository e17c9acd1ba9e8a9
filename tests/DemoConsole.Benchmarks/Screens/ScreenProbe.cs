using System.Text.Json;
using Microsoft.Playwright;

namespace DemoConsole.Benchmarks.Screens;

/// <summary>What one screen showed for one pod from a moment on: its STATUS and READY cells, or null once the row is gone.</summary>
internal sealed record ScreenChange(double T, double? F, string Pod, string? State);

/// <summary>
/// A MutationObserver in the page that logs, with the browser's wall clock (epoch ms, the same clock as the server's
/// UTC on this machine), every change of what the live pods view shows: a row appearing, its status or ready count
/// changing, a row disappearing. <c>f</c> is the next animation frame after the change (when it is painted).
/// </summary>
internal static class ScreenProbe
{
    private const string Install = """
        () => {
          if (window.__screenBench) return;
          const now = () => performance.timeOrigin + performance.now();
          const b = window.__screenBench = { log: [], last: new Map() };
          const read = () => {
            const m = new Map();
            for (const tr of document.querySelectorAll('[data-testid=view-ha-pods] tr[data-pod]')) {
              const status = tr.querySelector('[data-status]');
              const cells = tr.querySelectorAll('td');
              m.set(tr.dataset.pod, (status ? status.textContent.trim() : '?') + '|' + (cells.length > 2 ? cells[2].textContent.trim() : '?'));
            }
            return m;
          };
          const scan = () => {
            const t = now();
            const cur = read();
            const changed = [];
            for (const [pod, state] of cur) if (b.last.get(pod) !== state) changed.push({ t, pod, state });
            for (const pod of b.last.keys()) if (!cur.has(pod)) changed.push({ t, pod, state: null });
            if (changed.length === 0) return;
            b.last = cur;
            b.log.push(...changed);
            requestAnimationFrame(() => { const f = now(); for (const e of changed) e.f = f; });
          };
          scan();
          new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    /// <summary>True when the page shows exactly these pods in these states (polled in the page, not from here).</summary>
    private const string Shows = """
        (expected) => {
          const b = window.__screenBench;
          if (!b) return false;
          const keys = Object.keys(expected);
          return b.last.size === keys.length && keys.every(k => b.last.get(k) === expected[k]);
        }
        """;

    public static Task InstallAsync(IPage page) => page.EvaluateAsync(Install);

    public static Task WaitForAsync(IPage page, IReadOnlyDictionary<string, string> expected, TimeSpan timeout) =>
        page.WaitForFunctionAsync(Shows, expected, new PageWaitForFunctionOptions { PollingInterval = 200, Timeout = (float)timeout.TotalMilliseconds });

    public static async Task<IReadOnlyList<ScreenChange>> ReadAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("() => JSON.stringify(window.__screenBench.log)");
        return JsonSerializer.Deserialize<List<ScreenChange>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
    }

    public static Task<double> NowAsync(IPage page) => page.EvaluateAsync<double>("() => performance.timeOrigin + performance.now()");
}
