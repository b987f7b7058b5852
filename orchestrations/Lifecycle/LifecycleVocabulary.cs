using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle.Actions;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>What the code behind the definitions implements, as a definition names it: events, guards, statuses (from <see cref="TicketActions"/>).</summary>
public static class LifecycleVocabulary
{
    /// <summary>Events callers raise through POST /api/tickets/{id}/{action}.</summary>
    public static readonly string[] Actions = [.. TicketActions.Api.Select(a => a.Name)];

    /// <summary>Events the system raises itself (SLA escalation, dispatch) and events timers raise.</summary>
    public static readonly string[] SystemEvents = [.. TicketActions.All.Where(a => a.BySystem).Select(a => a.Name)];
    public static readonly string[] TimerEvents = [.. TicketActions.All.Where(a => a.ByTimer).Select(a => a.Name)];

    public static readonly string[] Guards = global::ServerlessService.Orchestrations.Lifecycle.Actions.Guards.All;

    public static readonly string[] PayloadConditions = ["reason"];

    public static IReadOnlyList<string> Statuses => TicketStatuses.All;
}
