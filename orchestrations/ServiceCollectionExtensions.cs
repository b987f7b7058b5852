using Microsoft.Extensions.DependencyInjection;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle;
using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.Orchestrations;

public static class ServiceCollectionExtensions
{
    /// <summary>The ticket lifecycle, its orchestration's activities and read model; call after AddServerlessServiceCore. The host hands its Durable Task client to <see cref="EngineClient"/>.</summary>
    public static IServiceCollection AddServerlessServiceOrchestrations(this IServiceCollection services)
    {
        services.AddSingleton<EngineClient>();
        services.AddSingleton<TicketRecords>();
        services.AddSingleton<TicketOperations>();
        services.AddSingleton<DefinitionStore>();
        services.AddSingleton<TicketLifecycle>();
        services.AddSingleton<Tickets.Migration.PreviousReleaseStore>();
        services.AddSingleton<Tickets.Migration.TicketMigration>();
        services.AddSingleton<IEffectHandler, NotifyHandler>();
        services.AddSingleton<IEffectHandler, RobotHandler>();
        services.AddSingleton<IEffectHandler, CapacityHandler>();
        services.AddSingleton<IEffectHandler, EngineerLinkHandler>();
        services.AddSingleton<MessageRenderer>();
        services.AddSingleton<EffectRunner>();
        services.AddTransient<ProjectionActivity>();
        services.AddTransient<DispatchActivity>();
        services.AddSingleton<ITicketStore, WorkflowTicketStore>();
        // Engineers' quiet hours are on unless configured (LifecycleOptions:EngineerQuietHoursStart/End; equal values turn them off).
        services.PostConfigure<LifecycleOptions>(o =>
        {
            o.EngineerQuietHoursStart ??= LifecycleOptions.DefaultEngineerQuietHoursStart;
            o.EngineerQuietHoursEnd ??= LifecycleOptions.DefaultEngineerQuietHoursEnd;
        });
        return services;
    }
}
