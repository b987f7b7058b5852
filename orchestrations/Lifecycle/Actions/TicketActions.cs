namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>The lifecycle's vocabulary of events: one <see cref="TicketAction"/> per <see cref="ActionKind"/>.</summary>
public static class TicketActions
{
    public static readonly IReadOnlyList<TicketAction> All =
    [
        new Assign(), new Accept(), new Decline(), new Depart(), new Arrive(), new Pause(), new Resume(), new Resolve(), new Confirm(),
        new RejectResolution(), new Rate(), new Cancel(), new Reopen(), new Prioritize(), new SlaReassign(), new AutoClose(),
    ];

    private static readonly Dictionary<ActionKind, TicketAction> ByKind = All.ToDictionary(a => a.Kind);
    private static readonly Dictionary<string, TicketAction> ByName = All.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>What callers may raise through the API, in the order the API documents them.</summary>
    public static readonly IReadOnlyList<TicketAction> Api = All.Where(a => a.ByApi).ToList();

    public static TicketAction Of(ActionKind kind) => ByKind[kind];

    /// <summary>The event a definition or a route names; null for a name the code does not know.</summary>
    public static TicketAction? Find(string? name) => name is not null && ByName.TryGetValue(name, out var a) ? a : null;
}
