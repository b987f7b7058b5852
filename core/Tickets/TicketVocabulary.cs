using System.Text.Json.Serialization;

namespace ServerlessService.Core.Tickets;

/// <summary>
/// The statuses of a ticket (GLOSSARY.md); intake opens tickets in Submitted. On the wire and in storage they are
/// these names, as strings (also with a serializer that has no enum converter), so stored tickets and lifecycle
/// definitions read unchanged.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TicketStatus>))]
public enum TicketStatus
{
    Submitted,
    Assigned,
    Accepted,
    EnRoute,
    OnSite,
    WaitingParts,
    WaitingCustomer,
    Resolved,
    Closed,
    Cancelled,
}

public static class TicketStatuses
{
    public static readonly string[] All = Enum.GetNames<TicketStatus>();

    /// <summary>A status a lifecycle definition names: only the statuses the code knows.</summary>
    public static bool TryParse(string? name, out TicketStatus status)
    {
        status = default;
        return name is not null && All.Contains(name) && Enum.TryParse(name, out status);
    }

    /// <summary>No engineer works on the ticket any more.</summary>
    public static bool IsDone(this TicketStatus s) => s is TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.Cancelled;
}

public static class Priorities
{
    public const string Default = "P3";
    public static readonly string[] All = ["P1", "P2", "P3", "P4"];

    /// <summary>The most urgent a customer may ask for themselves: P1 and P2 wake engineers at night, so only staff or a rule set them.</summary>
    public const string CustomerHighest = "P3";

    /// <summary>The priority, made no more urgent than the cap (P1 is the most urgent).</summary>
    public static string AtMost(string priority, string cap) => Array.IndexOf(All, priority) < Array.IndexOf(All, cap) ? cap : priority;
}

public static class FaultCategories
{
    public static readonly string[] All = ["no-power", "error-code", "noise", "leak", "performance", "damage", "installation", "other"];
}
