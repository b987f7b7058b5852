using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.Orchestrations.Tickets;

/// <summary>
/// Every orchestrator and activity of the ticket workflow by name: the one list the local host registers on the
/// engine, and that the Functions app must have a trigger for each of.
/// </summary>
public static class TicketTasks
{
    public static readonly IReadOnlyList<string> Orchestrators = [TicketOrchestrator.Name];

    public static ITaskOrchestrator CreateOrchestrator(string name) => name switch
    {
        TicketOrchestrator.Name => new TicketOrchestrator(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such orchestrator."),
    };

    /// <summary>Activity names: the step, the projection, the step context, dispatch, and one per effect kind.</summary>
    public static IReadOnlyList<string> Activities(IServiceProvider sp) =>
        [StepActivity.Name, ProjectionActivity.Name, StepContextActivity.Name, DispatchActivity.Name, .. sp.GetServices<IEffectHandler>().Select(h => h.Kind)];

    public static ITaskActivity CreateActivity(IServiceProvider sp, string name) => name switch
    {
        StepActivity.Name => ActivatorUtilities.CreateInstance<StepActivity>(sp),
        ProjectionActivity.Name => ActivatorUtilities.CreateInstance<ProjectionActivity>(sp),
        StepContextActivity.Name => ActivatorUtilities.CreateInstance<StepContextActivity>(sp),
        DispatchActivity.Name => ActivatorUtilities.CreateInstance<DispatchActivity>(sp),
        _ when sp.GetServices<IEffectHandler>().Any(h => h.Kind == name) => ActivatorUtilities.CreateInstance<EffectActivity>(sp),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such activity."),
    };
}
