using System.Text.Json.Nodes;
using ServerlessService.Core.Common;
using ServerlessService.Core.Notifications;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>
/// One lifecycle event as code: its name, who may raise it besides API callers, which body fields it takes and how
/// they are checked, what it records on the ticket and on the timeline, and which customer message it sends. Which
/// statuses it leaves from, where it goes and which roles take it is the lifecycle definition's (versioned data).
/// </summary>
public abstract class TicketAction
{
    public abstract ActionKind Kind { get; }

    /// <summary>The name in routes, definitions, allowedActions and timeline kinds.</summary>
    public string Name => Kind.Name();

    /// <summary>Callers may take it through POST /api/tickets/{id}/{action}.</summary>
    public virtual bool ByApi => true;

    /// <summary>The system raises it inside other steps (SLA escalation, automatic dispatch).</summary>
    public virtual bool BySystem => false;

    /// <summary>A state timer raises it.</summary>
    public virtual bool ByTimer => false;

    /// <summary>A definition may let it leave a final state (reopen, rate).</summary>
    public virtual bool LeavesFinalStates => false;

    /// <summary>Checks and trims the body fields this action uses; the others are dropped. A reason is optional unless the action needs one.</summary>
    public ActionInput Validate(ActionInput body)
    {
        var check = new Check();
        var v = new ActionInput(Reason: Reason(check, body), Note: check.Text("note", body.Note, 1000, required: false));
        v = Fields(check, body, v);
        check.ThrowIfAny();
        return v;
    }

    protected virtual string? Reason(Check check, ActionInput body) => check.Text("reason", body.Reason, 500, required: false);

    protected virtual ActionInput Fields(Check check, ActionInput body, ActionInput valid) => valid;

    /// <summary>What the action records on the ticket besides its status.</summary>
    public virtual Ticket Apply(Ticket t, TicketWork work, ActionInput input, Actor actor, DateTimeOffset now) => t;

    /// <summary>After the ticket changed: what else the step does (a new priority re-targets the SLA clocks).</summary>
    public virtual Ticket Settle(Step<Ticket> step, Ticket before, Ticket after, StepContext ctx) => after;

    /// <summary>The data of its timeline line: an override by staff, the note, and the action's own fields.</summary>
    public JsonObject? HistoryData(ActionInput input, Actor actor)
    {
        var data = new JsonObject();
        if (actor.Override) data["override"] = true;
        if (input.Note is not null) data["note"] = input.Note;
        Describe(input, data);
        return data.Count == 0 ? null : data;
    }

    protected virtual void Describe(ActionInput input, JsonObject data) { }

    /// <summary>The customer's message the step sends (template and values); by default "closed" when the ticket just closed.</summary>
    public virtual (string Template, JsonObject Values)? CustomerMessage(Ticket before, Ticket after, StepContext ctx) =>
        after.Status == TicketStatus.Closed && before.Status != TicketStatus.Closed ? (MessageTemplates.TicketClosed, Notifications.Values(after)) : null;

    /// <summary>The assigned engineer gets the job link again although they kept the job (a reopened ticket).</summary>
    public virtual bool ResendsJobLink(Ticket after) => false;

    /// <summary>The customer's signature, drawn on screen and uploaded as a photo of kind "signature"; optional.</summary>
    protected static string? Signature(Check check, ActionInput body)
    {
        var id = check.Text("signaturePhotoId", body.SignaturePhotoId, 40, required: false);
        if (id is not null && !Ids.LooksValid(id, "pho")) check.Add("signaturePhotoId", "is not a photo id.");
        return id;
    }

    protected static Signature? Signed(TicketWork w, ActionInput input, Actor actor, DateTimeOffset now) =>
        input.SignaturePhotoId is { } photo ? new Signature(photo, now, actor.Id) : w.Signature;
}
