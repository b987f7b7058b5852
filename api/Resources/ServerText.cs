using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace ServerlessService.Api.Resources;

/// <summary>
/// The server's sentences in the caller's language. core/ and orchestrations/ write English (problem titles and details,
/// field errors, timeline reasons); Sentences.zh-CN.resx holds each sentence in Chinese, keyed by the English with
/// {0}, {1}… for the parts that vary. A sentence is translated by its exact key, or by the first key whose pattern it
/// matches, with the parts filled in (translated themselves when they are a key: a status, an action, a list of them).
/// A sentence with no key stays English, so a new message is never lost, only untranslated; SentencesTests checks
/// the catalogue and the journeys' messages.
/// </summary>
public static partial class ServerText
{
    private sealed record Template(Regex Pattern, string Text);

    private sealed class Catalogue(Dictionary<string, string> exact, List<Template> templates)
    {
        public Dictionary<string, string> Exact { get; } = exact;
        /// <summary>Words inside sentences ("Customer not found.", "No customer '…'") are found whatever their case.</summary>
        public Dictionary<string, string> Words { get; } = exact.DistinctBy(e => e.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.OrdinalIgnoreCase);
        public List<Template> Templates { get; } = templates;
    }

    private static readonly Lazy<Catalogue> Chinese = new(() => Load(new CultureInfo("zh-CN")));

    /// <summary>The caller's language for a request: its UI culture as request localization set it (Hosting/Languages).</summary>
    public static bool WantsChinese(HttpContext http) =>
        (http.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture).Name.StartsWith("zh", StringComparison.Ordinal);

    /// <summary>The sentence in Chinese when the request asks for it; otherwise (or without a key) as written.</summary>
    public static string? For(HttpContext http, string? english) => english is null || !WantsChinese(http) ? english : ToChinese(english);

    public static string ToChinese(string english)
    {
        var c = Chinese.Value;
        if (c.Exact.TryGetValue(english, out var exact)) return exact;
        foreach (var t in c.Templates)
        {
            var m = t.Pattern.Match(english);
            if (m.Success) return Placeholder().Replace(t.Text, p => Part(c, m.Groups[int.Parse(p.Groups[1].Value, CultureInfo.InvariantCulture) + 1].Value));
        }
        return english;
    }

    /// <summary>A problem's title, detail and field errors in the caller's language.</summary>
    public static void Localize(HttpContext http, ProblemDetails problem)
    {
        if (!WantsChinese(http)) return;
        problem.Title = problem.Title is null ? null : ToChinese(problem.Title);
        problem.Detail = problem.Detail is null ? null : ToChinese(problem.Detail);
        if (problem is HttpValidationProblemDetails v)
            foreach (var field in v.Errors.Keys.ToList()) v.Errors[field] = v.Errors[field].Select(ToChinese).ToArray();
    }

    /// <summary>Every key and its Chinese text (for the catalogue's own test).</summary>
    public static IReadOnlyDictionary<string, string> Entries() => Chinese.Value.Exact;

    /// <summary>A varying part: a key itself, or a list of them ("accept, cancel", "customer or staff", "off duty ×2").</summary>
    private static string Part(Catalogue c, string part)
    {
        if (c.Words.TryGetValue(part, out var word)) return word;
        foreach (var (separator, joiner) in new[] { (", ", "、"), (" or ", "或"), (" and ", "和") })
            if (part.Contains(separator, StringComparison.Ordinal))
                return string.Join(joiner, part.Split(separator).Select(p => Item(c, p)));
        return Item(c, part);
    }

    private static string Item(Catalogue c, string item)
    {
        var count = Count().Match(item);
        var text = count.Success ? item[..count.Index] : item;
        var translated = c.Words.TryGetValue(text, out var w) ? w : c.Templates.Any(t => t.Pattern.IsMatch(text)) ? ToChinese(text) : text;
        return translated + (count.Success ? count.Value : "");
    }

    [GeneratedRegex(@" ×\d+$")]
    private static partial Regex Count();

    private static Catalogue Load(CultureInfo culture)
    {
        var resources = new ResourceManager("ServerlessService.Api.Resources.Sentences", typeof(ServerText).Assembly);
        var set = resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"Sentences.{culture.Name}.resx is not embedded.");
        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry e in set) if (e.Value is string text) exact[(string)e.Key] = text;
        // Longer keys first: "'{0}' is not possible while the ticket is {1}. Possible now: {2}." before its shorter sibling.
        var templates = exact.Keys.Where(k => Placeholder().IsMatch(k)).OrderByDescending(k => k.Length)
            .Select(k => new Template(new Regex("^" + Placeholder().Replace(Regex.Escape(k).Replace(@"\{", "{"), "(.+?)") + "$", RegexOptions.Singleline), exact[k]))
            .ToList();
        return new Catalogue(exact, templates);
    }

    [GeneratedRegex(@"\{(\d)\}")]
    private static partial Regex Placeholder();
}
