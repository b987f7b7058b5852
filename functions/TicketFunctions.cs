using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using ServerlessService.Core.Dispatch;
using ServerlessService.Orchestrations.Lifecycle;
using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.Functions;

/// <summary>
/// The ticket orchestrator and its activities as Durable Functions: one-line wrappers around the classes the local
/// host registers on the engine (<see cref="TicketTasks"/>), so both hosts run the same code under the same names.
/// </summary>
public sealed class TicketFunctions(IServiceProvider services)
{
    [Function(TicketOrchestrator.Name)]
    public static Task<TicketRun> Ticket([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new TicketOrchestrator().RunAsync(context, context.GetInput<TicketRun>()!);

    [Function(StepActivity.Name)]
    public Task<StepDone> ApplyStep([ActivityTrigger] StepWork input, FunctionContext fc) => Run<StepDone>(StepActivity.Name, input, fc);

    [Function(ProjectionActivity.Name)]
    public Task<bool> ProjectTicket([ActivityTrigger] Projection input, FunctionContext fc) => Run<bool>(ProjectionActivity.Name, input, fc);

    [Function(StepContextActivity.Name)]
    public Task<StepContextData> LoadStepContext([ActivityTrigger] int version, FunctionContext fc) => Run<StepContextData>(StepContextActivity.Name, version, fc);

    [Function(DispatchActivity.Name)]
    public Task<DispatchDecision> Dispatch([ActivityTrigger] DispatchWork work, FunctionContext fc) => Run<DispatchDecision>(DispatchActivity.Name, work, fc);

    [Function(NotifyHandler.KindName)]
    public Task<bool> Notify([ActivityTrigger] EffectWork work, FunctionContext fc) => Run<bool>(NotifyHandler.KindName, work, fc);

    [Function(RobotHandler.KindName)]
    public Task<bool> Robot([ActivityTrigger] EffectWork work, FunctionContext fc) => Run<bool>(RobotHandler.KindName, work, fc);

    [Function(CapacityHandler.KindName)]
    public Task<bool> Capacity([ActivityTrigger] EffectWork work, FunctionContext fc) => Run<bool>(CapacityHandler.KindName, work, fc);

    [Function(EngineerLinkHandler.KindName)]
    public Task<bool> EngineerLink([ActivityTrigger] EffectWork work, FunctionContext fc) => Run<bool>(EngineerLinkHandler.KindName, work, fc);

    private async Task<T> Run<T>(string name, object? input, FunctionContext fc)
    {
        var instanceId = fc.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? "" : "";
        var result = await TicketTasks.CreateActivity(services, name).RunAsync(new ActivityContext(name, instanceId), input);
        return (T)result!;
    }

    private sealed class ActivityContext(string name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;
        public override string InstanceId { get; } = instanceId;
    }
}
