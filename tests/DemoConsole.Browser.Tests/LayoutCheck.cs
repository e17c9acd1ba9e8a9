using Microsoft.Playwright;

namespace DemoConsole.Browser.Tests;

/// <summary>
/// Measures, in the page, what a projector audience would see as broken: text cut off or spilling out of its box,
/// anything outside its panel or wider than the screen, and type smaller than <see cref="MinimumTextPx"/>. A clamp or
/// ellipsis is allowed when the whole text is in a tooltip (a <c>title</c> on it or an ancestor).
/// </summary>
public static class LayoutCheck
{
    /// <summary>The smallest text a room can read off a 1280×720 projector.</summary>
    public const double MinimumTextPx = 14;

    // Panels: the boxes the audience reads as one thing. Every element must stay inside the nearest one.
    private const string Script = """
        (minimum) => {
          const panels = '.audience-run, .panel-frame, .cluster-view, .audience-header, .audience-intro, .firing-alerts';
          const problems = [];
          const name = el => {
            const id = el.closest('[data-testid]')?.dataset.testid ?? '';
            const cls = typeof el.className === 'string' ? el.className : el.className?.baseVal ?? '';
            return `${el.tagName.toLowerCase()}.${cls.trim().split(/\s+/).join('.')} in [${id}] "${(el.textContent ?? '').trim().slice(0, 40)}"`;
          };
          const tooltipped = el => el.closest('[title]') !== null;
          const root = document.querySelector('.audience-screen');
          if (!root) return ['no audience screen'];
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth > width + 1) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
          for (const el of root.querySelectorAll('*')) {
            const style = getComputedStyle(el);
            if (style.display === 'none' || style.visibility === 'hidden' || el.closest('[hidden]')) continue;
            const box = el.getBoundingClientRect();
            if (box.width === 0 || box.height === 0) continue;
            const ownText = [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim().length > 0);
            const clamped = style.textOverflow === 'ellipsis' || (style.webkitLineClamp && style.webkitLineClamp !== 'none');
            if (ownText) {
              const scale = el instanceof SVGElement ? (el.getScreenCTM()?.a ?? 1) : 1;
              const px = parseFloat(style.fontSize) * scale;
              if (px < minimum - 0.05) problems.push(`text ${px.toFixed(1)}px (${style.fontSize} × ${scale.toFixed(2)}) < ${minimum}px: ${name(el)}`);
            }
            if (!(el instanceof SVGElement) && style.display !== 'inline' && el.clientWidth > 0) {
              const cut = el.scrollWidth > el.clientWidth + 1 || (style.overflowY !== 'visible' && el.scrollHeight > el.clientHeight + 1);
              if (cut && !(clamped && tooltipped(el))) {
                problems.push(`content ${el.scrollWidth}x${el.scrollHeight} overflows its box ${el.clientWidth}x${el.clientHeight}: ${name(el)}`);
              }
            }
            if (box.left < -1 || box.right > width + 1) problems.push(`outside the screen (${Math.round(box.left)}..${Math.round(box.right)} of ${width}): ${name(el)}`);
            const panel = el.parentElement?.closest(panels);
            if (panel && !el.matches(panels)) {
              const p = panel.getBoundingClientRect();
              if (box.left < p.left - 1 || box.right > p.right + 1 || box.top < p.top - 1 || box.bottom > p.bottom + 1) {
                problems.push(`outside its panel (${Math.round(box.left)},${Math.round(box.top)}..${Math.round(box.right)},${Math.round(box.bottom)} vs ${Math.round(p.left)},${Math.round(p.top)}..${Math.round(p.right)},${Math.round(p.bottom)}): ${name(el)}`);
              }
            }
          }
          return [...new Set(problems)];
        }
        """;

    /// <summary>Every problem found on the audience screen now; empty when it is clean.</summary>
    public static async Task<IReadOnlyList<string>> AudienceProblemsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>(Script, MinimumTextPx);
}
