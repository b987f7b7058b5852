using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.Orchestrations.Tickets.Migration;

/// <summary>An applied API event of the previous release, in the read model: same row key, so a retry with the same Idempotency-Key replays.</summary>
public sealed record ImportedEvent(string Key, EventOutcome Outcome);

/// <summary>
/// A ticket of the previous release in this release's shape: its read model (ticket, timeline, messages, applied
/// events, list rows to drop) and, unless nothing can happen to it any more, the run its orchestration takes over.
/// Pure: the same input gives the same result, so a migration repeated after a crash writes the same rows.
/// </summary>
public sealed record MigratedTicket(
    TicketRecord Record, IReadOnlyList<HistoryEntry> History, IReadOnlyList<MessageStatus> Messages, IReadOnlyList<ImportedEvent> Events,
    IReadOnlyList<string> StaleIndex, TicketRun? Run)
{
    /// <summary>The read model starts at this step; the orchestration's first projection is the next one.</summary>
    public const long Step = 1;

    /// <summary>Keeps the migrated run's effect ids (they key SMS) apart from the previous release's outbox ids.</summary>
    public const string Epoch = "m";

    /// <param name="ctx">The ticket's lifecycle version and SLA data as of now (state timers the old store lacks count from now).</param>
    public static MigratedTicket From(PreviousTicket old, StepContext ctx)
    {
        var t = old.Ticket;
        var messages = old.Outbox.Where(o => MessageStatus.IsMessage(o.Kind)).Select(Message).ToList();
        var events = old.Events.Select(e => new ImportedEvent(e.Key, new EventOutcome("", e.Fingerprint, true, null, Step))).ToList();
        var stale = old.Outbox.Where(o => o.Kind == EffectKinds.IndexSync && o.Status != PreviousOutboxStatus.Done)
            .SelectMany(o => o.Payload["stale"]?.AsArray().Select(s => (string)s!) ?? []).Distinct().ToList();
        var record = new TicketRecord(t, old.Meta.Version, Step);
        return new MigratedTicket(record, old.History, messages, events, stale, RunOf(old, ctx));
    }

    /// <summary>
    /// The run that takes the ticket over: the timers its state calls for (those the previous release had armed keep
    /// their due time), its held and unfinished effects (due ones go at once), its failed ones for an operator's retry.
    /// None for a ticket in a status that takes no action and with no effect left.
    /// </summary>
    private static TicketRun? RunOf(PreviousTicket old, StepContext ctx)
    {
        var t = old.Ticket;
        var effects = old.Outbox.Where(o => o.Kind != EffectKinds.IndexSync).ToList();
        var pending = effects.Where(o => o.Status == PreviousOutboxStatus.Pending).ToList();
        var parked = effects.Where(o => o.Status == PreviousOutboxStatus.Parked).ToList();
        if (!ctx.Definition.Transitions.Any(x => x.Leaves(t.Status) && x.By.Any(b => b is Actors.Staff or Actors.Engineer or Actors.Customer)) && pending.Count == 0 && parked.Count == 0) return null;
        var seq = Math.Max(old.Meta.Seq, old.History.Count == 0 ? 0 : old.History.Max(h => h.Seq));
        var run = TicketRun.Adopt(t, old.Meta.Version, seq, Step, Epoch);
        run.Resume = false;
        foreach (var (name, due) in TicketEngine.Resume(t, ctx).Arm)
            run.Timers[name] = old.Meta.Timers.TryGetValue(name, out var armed) ? armed.DueAt : due;
        run.Delayed.AddRange(pending.Select(o => new DelayedEffect(o.Id, Effect(o), o.NextAttemptAt)));
        run.Failed.AddRange(parked.Select(o => new FailedEffect(o.Id, Effect(o), o.LastError ?? "failed in the previous release", o.CompletedAt ?? o.NextAttemptAt)));
        return run;
    }

    private static EffectRequest Effect(PreviousOutboxItem o) => new(o.Kind, o.Payload, o.NextAttemptAt > o.CreatedAt ? o.NextAttemptAt : null);

    /// <summary>The previous release showed its outbox the same way: done is sent, parked is failed, pending is queued.</summary>
    private static MessageStatus Message(PreviousOutboxItem o) => new(
        o.Id, o.Kind, (string?)o.Payload["audience"] ?? (string?)o.Payload["robot"], (string?)o.Payload["event"] ?? (string?)o.Payload["op"],
        o.Status switch { PreviousOutboxStatus.Done => MessageStatus.Sent, PreviousOutboxStatus.Parked => MessageStatus.Failed, _ => MessageStatus.Queued },
        o.Attempts, o.CreatedAt, o.Status == PreviousOutboxStatus.Pending && o.NextAttemptAt > o.CreatedAt ? o.NextAttemptAt : null, o.CompletedAt, o.LastError);
}
