using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>What the code behind the definitions implements: the events, the guards and the ticket statuses.</summary>
public static class LifecycleVocabulary
{
    /// <summary>Events callers raise through POST /api/tickets/{id}/{action}.</summary>
    public static readonly string[] Actions =
        ["assign", "accept", "decline", "depart", "arrive", "pause", "resume", "resolve", "confirm", "reject-resolution", "rate", "cancel", "reopen", "prioritize"];

    /// <summary>Events the system raises itself (SLA escalation) and events timers raise.</summary>
    public static readonly string[] SystemEvents = ["sla-reassign", "prioritize", "assign"];
    public static readonly string[] TimerEvents = ["auto-close"];

    public static readonly string[] Guards = ["not-rated", "has-engineer", "no-engineer", "within-reopen-window"];

    public static readonly string[] PayloadConditions = ["reason"];

    public static IReadOnlyList<string> Statuses => TicketStatus.All;
}
