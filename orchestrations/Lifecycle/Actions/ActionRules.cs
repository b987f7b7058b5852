using ServerlessService.Core.Common;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>
/// Who may take which action now. The definition lists per transition the statuses it leaves and the roles that raise it;
/// a caller is the engineer when assigned, the customer when it is theirs, else staff (who may act in an engineer's or
/// customer's place, with a reason). The engine's checks and a ticket's allowedActions (and the 409's) both come from here.
/// </summary>
public static class ActionRules
{
    /// <summary>The role the caller plays on this ticket; null for someone with no part in it.</summary>
    public static string? RoleOf(Caller caller, Ticket t) =>
        caller.IsEngineer(t.AssignedEngineerId) ? Actors.Engineer
        : caller.IsCustomer(t.CustomerId) ? Actors.Customer
        : caller.Can(Permission.WorkTickets) ? Actors.Staff
        : null;

    /// <summary>The definition's transitions for this action out of the ticket's status.</summary>
    public static IReadOnlyList<TransitionSpec> From(LifecycleDefinition d, TicketAction action, TicketStatus status) =>
        d.Transitions.Where(x => x.Event == action.Name && x.Leaves(status)).ToList();

    /// <summary>
    /// 403 for a caller whose part in the ticket never takes this action in any status (a warehouse keeper assigning,
    /// a customer accepting): checked before the body and the status, so the answer does not depend on either.
    /// </summary>
    public static void RequireMayTake(LifecycleDefinition d, TicketAction action, Caller caller, Ticket t)
    {
        var role = RoleOf(caller, t);
        var specs = d.Transitions.Where(x => x.Event == action.Name).ToList();
        // An action this version has no transition for is not a question of who: the 409 says what is possible.
        if (specs.Count == 0 || specs.Any(x => Raises(x, role) || InPlace(x, role))) return;
        var by = specs.SelectMany(x => x.By).Where(b => b is not (Actors.System or Actors.Timer)).Distinct();
        throw new ForbiddenException($"Only the {string.Join(" or ", by)} may {action.Name} this ticket.");
    }

    public static bool Raises(TransitionSpec spec, string? role) => role is not null && spec.By.Contains(role);

    /// <summary>Staff may take an engineer's or customer's step in their place (with a reason, marked as an override).</summary>
    public static bool InPlace(TransitionSpec spec, string? role) => role == Actors.Staff && spec.By.Any(b => b is Actors.Engineer or Actors.Customer);

    /// <summary>
    /// The API actions the caller may take on the ticket now: a transition leaves its status, the caller's role raises
    /// it (or staff in another's place), and its guards hold. Payload conditions (a pause's reason) are the caller's choice.
    /// </summary>
    public static IReadOnlyList<ActionKind> AllowedFor(Ticket t, Caller caller, StepContext ctx)
    {
        var role = RoleOf(caller, t);
        if (role is null) return [];
        return TicketActions.Api
            .Where(a => From(ctx.Definition, a, t.Status).Any(x => (Raises(x, role) || InPlace(x, role)) && Guards.AllPass(x, t, ctx)))
            .Select(a => a.Kind).ToList();
    }

    public static IReadOnlyList<string> Names(IEnumerable<ActionKind> kinds) => kinds.Select(k => k.Name()).ToList();
}
