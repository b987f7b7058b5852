using System.Text.Json;
using Microsoft.Playwright;
using ServerlessService.Testing;

namespace ServerlessService.E2ETests;

/// <summary>
/// Runs axe-core (npm, installed by scripts/install.sh) in the page for the WCAG 2 A and AA rules: labels, names,
/// contrast, landmarks, language. Answers the serious and critical findings as readable lines.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() => File.ReadAllText(Path.Combine(Azurite.RepoRoot(), "node_modules", "axe-core", "axe.min.js")));

    public static async Task<IReadOnlyList<string>> SeriousFindingsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Content = Script.Value });
        var json = await page.EvaluateAsync<string>("""
            async () => {
              // Tags and dialogs fade in: contrast is judged once every running transition has finished.
              await Promise.all(document.getAnimations().map(a => a.finished.catch(() => undefined)));
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return JSON.stringify(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id}: ${v.help} — ${v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 70)).join(' | ')}`));
            }
            """);
        return JsonSerializer.Deserialize<string[]>(json)!;
    }
}
