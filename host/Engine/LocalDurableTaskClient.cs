using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;

using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using CoreStatus = DurableTask.Core.OrchestrationStatus;

namespace ServerlessService.Host.Engine;

/// <summary>
/// The app's <see cref="DurableTaskClient"/> in the local host: an adapter over the Durable Task Framework's client
/// interface of the Azure Storage engine (in Azure the [DurableClient] binding gives the real one). Written by hand
/// because Microsoft.DurableTask.Client.OrchestrationServiceClientShim is not served here. Payloads go through the
/// same data converter as the worker's, so what lands in storage is the same in both hosts.
/// </summary>
public sealed class LocalDurableTaskClient(IOrchestrationServiceClient client, DataConverter converter) : DurableTaskClient("local")
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);

    /// <summary>Without DedupeStatuses an instance that is still alive (pending, running, suspended) is never started twice.</summary>
    private static readonly CoreStatus[] Alive = [CoreStatus.Pending, CoreStatus.Running, CoreStatus.ContinuedAsNew, CoreStatus.Suspended];

    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instance = new OrchestrationInstance { InstanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N"), ExecutionId = Guid.NewGuid().ToString("N") };
        var started = new ExecutionStartedEvent(-1, converter.Serialize(input))
        {
            Name = orchestratorName.Name,
            Version = "",
            OrchestrationInstance = instance,
            ScheduledStartTime = options?.StartAt?.UtcDateTime,
        };
        var dedupe = options?.DedupeStatuses?.Select(s => Enum.Parse<CoreStatus>(s, ignoreCase: true)).ToArray() ?? Alive;
        await client.CreateTaskOrchestrationAsync(new TaskMessage { OrchestrationInstance = instance, Event = started }, dedupe);
        return instance.InstanceId;
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new EventRaisedEvent(-1, converter.Serialize(eventPayload)) { Name = eventName });

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason));

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason));

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        client.ForceTerminateTaskOrchestrationAsync(instanceId, converter.Serialize(options?.Output));

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        var states = await client.GetOrchestrationStateAsync(instanceId, allExecutions: false);
        return states is { Count: > 0 } ? ToMetadata(states[0], getInputsAndOutputs) : null;
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(Microsoft.DurableTask.Client.OrchestrationQuery? filter = null)
    {
        var query = client as IOrchestrationServiceQueryClient ?? throw new NotSupportedException("This engine cannot list instances.");
        return Pageable.Create(async (string? continuation, int? pageSize, CancellationToken ct) =>
        {
            var result = await query.GetOrchestrationWithQueryAsync(new OrchestrationQuery_(filter, continuation, pageSize).Core, ct);
            var page = result.OrchestrationState.Select(s => ToMetadata(s, filter?.FetchInputsAndOutputs ?? false)).ToList();
            return new Page<OrchestrationMetadata>(page, result.ContinuationToken);
        });
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        PollAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        PollAsync(instanceId, getInputsAndOutputs, m => m.IsCompleted, cancellation);

    public override ValueTask DisposeAsync() => default;

    private Task SendAsync(string instanceId, HistoryEvent e) =>
        client.SendTaskOrchestrationMessageAsync(new TaskMessage { OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId }, Event = e });

    private async Task<OrchestrationMetadata> PollAsync(string id, bool io, Func<OrchestrationMetadata, bool> done, CancellationToken ct)
    {
        while (true)
        {
            if (await GetInstancesAsync(id, io, ct) is { } m && done(m)) return m;
            await Task.Delay(PollEvery, ct);
        }
    }

    private OrchestrationMetadata ToMetadata(OrchestrationState s, bool io) => new(s.Name, s.OrchestrationInstance.InstanceId)
    {
        RuntimeStatus = (OrchestrationRuntimeStatus)s.OrchestrationStatus,
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(s.CreatedTime, DateTimeKind.Utc)),
        LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(s.LastUpdatedTime, DateTimeKind.Utc)),
        SerializedInput = io ? s.Input : null,
        SerializedOutput = io ? s.Output : null,
        SerializedCustomStatus = s.Status,
        FailureDetails = s.FailureDetails is { } f ? new TaskFailureDetails(f.ErrorType, f.ErrorMessage, f.StackTrace, null, null) : null,
        DataConverter = converter,
    };

    /// <summary>The client's query in the engine's terms.</summary>
    private sealed record OrchestrationQuery_(Microsoft.DurableTask.Client.OrchestrationQuery? Filter, string? Continuation, int? PageSize)
    {
        public DurableTask.Core.Query.OrchestrationQuery Core => new()
        {
            RuntimeStatus = Filter?.Statuses?.Select(s => (CoreStatus)s).ToList(),
            CreatedTimeFrom = Filter?.CreatedFrom?.UtcDateTime,
            CreatedTimeTo = Filter?.CreatedTo?.UtcDateTime,
            PageSize = PageSize ?? Filter?.PageSize ?? Microsoft.DurableTask.Client.OrchestrationQuery.DefaultPageSize,
            ContinuationToken = Continuation ?? Filter?.ContinuationToken,
            InstanceIdPrefix = Filter?.InstanceIdPrefix,
            FetchInputsAndOutputs = Filter?.FetchInputsAndOutputs ?? false,
        };
    }
}
