using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>
/// Quiet hours: when a non-urgent message may go out, and whether one held through them still says something true
/// when they end. A held customer message is dropped when the ticket's status changed meanwhile (the message of the
/// newer status, itself held or sent, tells the customer where the ticket stands); a held job link is dropped when the
/// job went to someone else or the ticket is done.
/// </summary>
public static class QuietHours
{
    /// <summary>Now, when <paramref name="now"/> is outside start–end (local time in the zone), else the end of tonight's quiet hours; equal start and end turn them off.</summary>
    public static DateTimeOffset? Until(DateTimeOffset now, TimeSpan start, TimeSpan end, string timeZone)
    {
        if (start == end) return null;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var t = local.TimeOfDay;
        var quiet = start < end ? t >= start && t < end : t >= start || t < end;
        if (!quiet) return null;
        var endDay = t >= end ? local.Date.AddDays(1) : local.Date;
        var at = endDay + end;
        return new DateTimeOffset(at, zone.GetUtcOffset(at));
    }

    /// <summary>Job SMS for P1 and P2 tickets always go; P3 and P4 wait for the end of the engineers' quiet hours.</summary>
    public static bool WakesEngineers(string priority) => priority is "P1" or "P2";

    /// <summary>A message held back that no longer fits the ticket as it is now.</summary>
    public static bool IsStale(EffectRequest held, Ticket now)
    {
        if (held.Kind == NotifyHandler.KindName && (string?)held.Payload["audience"] == Notifications.Customer)
            return (string?)held.Payload["status"] is { } status && status != now.Status.ToString();
        if (held.Kind == EngineerLinkHandler.KindName && (string?)held.Payload["op"] == "send")
            return (string?)held.Payload["engineerId"] != now.AssignedEngineerId || now.Status.IsDone();
        return false;
    }
}
