namespace ServerlessService.Core.Tickets;

public static class TicketStatus
{
    public const string Submitted = "Submitted";
    public const string Resolved = "Resolved";
    public const string Closed = "Closed";
    public const string Cancelled = "Cancelled";

    /// <summary>Every status of lifecycle v1 (GLOSSARY.md); intake opens tickets in Submitted.</summary>
    public static readonly string[] All =
        [Submitted, "Assigned", "Accepted", "EnRoute", "OnSite", "WaitingParts", "WaitingCustomer", Resolved, Closed, Cancelled];
}

public static class Priorities
{
    public const string Default = "P3";
    public static readonly string[] All = ["P1", "P2", "P3", "P4"];
}

public static class FaultCategories
{
    public static readonly string[] All = ["no-power", "error-code", "noise", "leak", "performance", "damage", "installation", "other"];
}
