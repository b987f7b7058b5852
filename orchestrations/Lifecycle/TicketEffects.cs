using ServerlessService.Core.Common;
using ServerlessService.Core.Dispatch;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>What each event records on the ticket, besides its status.</summary>
internal static class TicketEffects
{
    public static Ticket Apply(Ticket t, string ev, ActionInput input, Actor actor, DateTimeOffset now)
    {
        var w = t.Work ?? new TicketWork();
        return ev switch
        {
            "assign" => t with { AssignedEngineerId = input.EngineerId, Dispatch = t.Dispatch is { } d ? d with { Held = false } : null },
            "accept" => t with { Work = w with { AcceptedAt = now } },
            "decline" => t with { AssignedEngineerId = null, Work = w with { DeclinedBy = [.. w.DeclinedBy ?? [], t.AssignedEngineerId!] } },
            // The engineer who let the response target pass is not offered the job again.
            "sla-reassign" => t with { AssignedEngineerId = null, Dispatch = Exclude(t.Dispatch, t.AssignedEngineerId) },
            "depart" => t with { Work = w with { DepartedAt = now } },
            "arrive" => t with { Work = w with { ArrivedAt = now, ArrivalLocation = new GeoPoint(input.Lat, input.Lng) } },
            "pause" => t with { Work = w with { PauseReason = input.Reason, PauseNote = input.Note, ReturnStatus = t.Status } },
            "resume" => t with { Work = w with { PauseReason = null, PauseNote = null, ReturnStatus = null } },
            "resolve" => t with { Work = w with { Resolution = new Resolution(input.Cause!, input.Solution!, input.LaborMinutes!.Value, now, actor.Id), Signature = Signed(w, input, actor, now) } },
            "confirm" => t with { Work = w with { ClosedAt = now, Signature = Signed(w, input, actor, now) } },
            "auto-close" => t with { Work = w with { ClosedAt = now } },
            "reject-resolution" or "reopen" => t with { Work = w with { Resolution = null, ClosedAt = null, Signature = null } },
            "rate" => t with { Work = w with { Rating = new Rating(input.Score!.Value, input.Comment, now) } },
            "cancel" => t with { Work = w with { CancelReason = input.Reason } },
            "prioritize" => t with { Priority = input.Priority! },
            _ => t,
        };
    }

    private static Signature? Signed(TicketWork w, ActionInput input, Actor actor, DateTimeOffset now) =>
        input.SignaturePhotoId is { } photo ? new Signature(photo, now, actor.Id) : w.Signature;

    private static DispatchPlan Exclude(DispatchPlan? plan, string? engineerId)
    {
        var p = plan ?? new DispatchPlan([]);
        return engineerId is null ? p : p with { Excluded = [.. p.Excluded ?? [], engineerId] };
    }

    public static bool Passes(string guard, Ticket t, StepContext ctx) => guard switch
    {
        "not-rated" => t.Work?.Rating is null,
        "has-engineer" => t.AssignedEngineerId is not null,
        "no-engineer" => t.AssignedEngineerId is null,
        "within-reopen-window" => t.Work?.ClosedAt is { } closed && ctx.Now - closed <= ctx.Options.ReopenWindow,
        _ => false,
    };

    public static string Explain(string guard) => guard switch
    {
        "not-rated" => "This ticket has already been rated.",
        "within-reopen-window" => "The reopen window has passed; open a new ticket.",
        _ => $"The condition '{guard}' does not hold.",
    };
}
