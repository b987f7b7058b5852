using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.OpenApi;

namespace ServerlessService.Api.Hosting;

/// <summary>
/// Gives every OpenAPI operation an operationId (the portal's and integrators' generated clients name their calls
/// after it), derived from the endpoint's handler: its verb, then the resource its class serves, then the rest of
/// its name — <c>TicketFunctions.List</c> → <c>listTickets</c>, <c>EngineerFunctions.SetOnDuty</c> →
/// <c>setEngineerOnDuty</c>; a handler named by a noun reads as a get (<c>TicketActionFunctions.Timeline</c> →
/// <c>getTicketTimeline</c>). An id set on the endpoint (<c>WithName</c>) is kept. Ids are made unique over the
/// document in path order (a clash gets the HTTP method, then a number), so they are the same in every build
/// of the same endpoints.
/// </summary>
public static partial class OperationIds
{
    /// <summary>The resource of a class of endpoints, where its name (without "Functions") does not say it; singular and plural.</summary>
    private static readonly Dictionary<string, (string One, string Many)> Nouns = new()
    {
        ["AuthFunctions"] = ("", ""),
        ["StaffFunctions"] = ("Staff", "Staff"),
        ["DevSmsFunctions"] = ("DevSms", "DevSms"),
        ["ChannelFunctions"] = ("NotificationChannel", "NotificationChannels"),
        ["TemplateFunctions"] = ("NotificationTemplate", "NotificationTemplates"),
        ["LifecycleFunctions"] = ("LifecycleVersion", "LifecycleVersions"),
        ["PhotoFunctions"] = ("TicketPhoto", "TicketPhotos"),
        ["RuleFunctions"] = ("DispatchRule", "DispatchRules"),
        ["TicketActionFunctions"] = ("Ticket", "Tickets"),
    };

    /// <summary>First words of handler names that are verbs; any other first word names a thing, which is read.</summary>
    private static readonly HashSet<string> Verbs =
    [
        "Act", "Check", "Create", "Delete", "Exchange", "Get", "List", "Login", "Preview", "Publish", "Put", "Read", "Request",
        "Reset", "Retry", "Search", "Set", "Submit", "Update", "Upload", "Verify",
    ];

    /// <summary>Verbs that take their object with a preposition.</summary>
    private static readonly Dictionary<string, string> Prepositions = new() { ["Act"] = "ActOn" };

    /// <summary>Sets a unique operationId on every operation of the document that has none.</summary>
    public static void Assign(OpenApiDocument document, IEnumerable<ApiDescription> descriptions)
    {
        var handlers = new Dictionary<(string, string), MethodInfo>();
        foreach (var d in descriptions)
            if (d.HttpMethod is { } m && d.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault() is { } handler)
                handlers.TryAdd((m.ToUpperInvariant(), PathOf(d.RelativePath ?? "")), handler);

        var operations = (document.Paths ?? [])
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => (p.Value.Operations ?? []).OrderBy(o => o.Key.Method, StringComparer.Ordinal)
                .Select(o => (Path: p.Key, Method: o.Key.Method.ToUpperInvariant(), Operation: o.Value)))
            .ToList();
        var used = new HashSet<string>(operations.Select(o => o.Operation.OperationId).OfType<string>().Where(id => id.Length > 0), StringComparer.Ordinal);
        foreach (var (path, method, operation) in operations)
        {
            if (!string.IsNullOrEmpty(operation.OperationId)) continue;
            var id = handlers.TryGetValue((method, PathOf(path)), out var h) && For(h) is { } named ? named : FromRoute(method, path);
            if (!used.Add(id))
            {
                var withMethod = id + Pascal(method.ToLowerInvariant());
                id = withMethod;
                for (var n = 2; !used.Add(id); n++) id = withMethod + n;
            }
            operation.OperationId = id;
        }
    }

    /// <summary>The id a handler method reads as; null for a lambda (its compiler-generated name says nothing).</summary>
    public static string? For(MethodInfo handler)
    {
        if (!Identifier().IsMatch(handler.Name) || handler.DeclaringType is not { } type) return null;
        var (one, many) = Nouns.TryGetValue(type.Name, out var n) ? n : Singular(type.Name);
        var words = Words().Matches(handler.Name).Select(m => m.Value).ToList();
        string id;
        if (!Verbs.Contains(words[0])) id = "Get" + one + handler.Name;
        else if (words.Count == 1 && words[0] is "List" or "Search") id = words[0] + many;
        else id = Prepositions.GetValueOrDefault(words[0], words[0]) + one + string.Concat(words.Skip(1));
        return char.ToLowerInvariant(id[0]) + id[1..];
    }

    /// <summary>For handlers without a name: the method and the route's fixed segments, e.g. getTicketsTimeline.</summary>
    private static string FromRoute(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).Where(s => !s.StartsWith('{'));
        return method.ToLowerInvariant() + string.Concat(segments.Select(s => string.Concat(s.Split('-').Select(Pascal))));
    }

    private static (string One, string Many) Singular(string typeName)
    {
        var one = typeName.EndsWith("Functions", StringComparison.Ordinal) ? typeName[..^"Functions".Length] : typeName;
        var many = one.EndsWith('y') && one.Length > 1 && !"aeiou".Contains(one[^2]) ? one[..^1] + "ies"
            : one.EndsWith('s') || one.EndsWith('x') || one.EndsWith("sh", StringComparison.Ordinal) || one.EndsWith("ch", StringComparison.Ordinal) ? one + "es"
            : one + "s";
        return (one, many);
    }

    /// <summary>A route as the document keys it: leading slash, no trailing one ("/api/tickets/" of a group's "/"), parameters without constraints ("{version:int}" → "{version}").</summary>
    private static string PathOf(string route) => "/" + Parameter().Replace(route.Trim('/'), "{$1}");

    private static string Pascal(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Parameter();

    [GeneratedRegex("[A-Z][a-z0-9]*")]
    private static partial Regex Words();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex Identifier();
}
