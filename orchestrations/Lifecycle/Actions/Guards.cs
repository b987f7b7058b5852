using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>The named conditions a definition's transitions may require ("if"), and how a refusal explains them.</summary>
public static class Guards
{
    public const string NotRated = "not-rated";
    public const string HasEngineer = "has-engineer";
    public const string NoEngineer = "no-engineer";
    public const string WithinReopenWindow = "within-reopen-window";
    public static readonly string[] All = [NotRated, HasEngineer, NoEngineer, WithinReopenWindow];

    public static bool Pass(string guard, Ticket t, StepContext ctx) => guard switch
    {
        NotRated => t.Work?.Rating is null,
        HasEngineer => t.AssignedEngineerId is not null,
        NoEngineer => t.AssignedEngineerId is null,
        WithinReopenWindow => t.Work?.ClosedAt is { } closed && ctx.Now - closed <= ctx.Options.ReopenWindow,
        _ => false,
    };

    public static bool AllPass(TransitionSpec spec, Ticket t, StepContext ctx) => (spec.If ?? []).All(g => Pass(g, t, ctx));

    /// <summary>Guards that only choose between transitions (with or without an engineer) explain nothing to a caller.</summary>
    public static bool Explains(string guard) => guard is not (HasEngineer or NoEngineer);

    public static string Explain(string guard) => guard switch
    {
        NotRated => "This ticket has already been rated.",
        WithinReopenWindow => "The reopen window has passed; open a new ticket.",
        _ => $"The condition '{guard}' does not hold.",
    };
}
