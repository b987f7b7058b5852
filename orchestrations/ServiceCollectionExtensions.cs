using Microsoft.Extensions.DependencyInjection;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle;
using ServerlessService.Orchestrations.Runtime;

namespace ServerlessService.Orchestrations;

public static class ServiceCollectionExtensions
{
    /// <summary>The workflow runtime and the ticket lifecycle on it; call after AddServerlessServiceCore.</summary>
    public static IServiceCollection AddServerlessServiceOrchestrations(this IServiceCollection services)
    {
        services.AddSingleton<InstanceStore>();
        services.AddSingleton<InstanceCache>();
        services.AddSingleton<WorkQueues>();
        services.AddSingleton<ActiveInstances>();
        services.AddSingleton<PoisonStore>();
        services.AddSingleton<OutboxRunner>();
        services.AddSingleton<TimerRunner>();
        services.AddSingleton<Sweeper>();
        services.AddSingleton<QueuePump>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<DefinitionStore>();
        services.AddSingleton<TicketLifecycle>();
        services.AddSingleton<IWorkflowTimers>(sp => sp.GetRequiredService<TicketLifecycle>());
        services.AddSingleton<IOutboxHandler, IndexSyncHandler>();
        services.AddSingleton<IOutboxHandler, NotifyHandler>();
        services.AddSingleton<IOutboxHandler, RobotHandler>();
        services.AddSingleton<IOutboxHandler, CapacityHandler>();
        services.AddSingleton<IOutboxHandler, DispatchHandler>();
        services.AddSingleton<AutoDispatcher>();
        services.AddSingleton<MessageRenderer>();
        services.AddSingleton<IOutboxHandler, EngineerLinkHandler>();
        services.AddSingleton<ITicketStore, WorkflowTicketStore>();
        return services;
    }
}
