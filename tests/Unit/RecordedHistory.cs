using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;
using ServerlessService.Core.Storage;
using ServerlessService.Orchestrations.Tickets;

namespace ServerlessService.UnitTests;

/// <summary>
/// An orchestration history as the Azure Storage engine dumps it (GetOrchestrationHistoryAsync: a JSON array of events
/// with their EventType), and its replay through DTFx's own executor with the shimmed TicketOrchestrator — what the
/// worker does when it loads a running ticket after a deployment.
/// </summary>
internal static class RecordedHistory
{
    private static readonly Dictionary<string, Type> EventTypes = typeof(HistoryEvent).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(HistoryEvent)) && !t.IsAbstract).ToDictionary(t => t.Name);

    public static JArray Load(string name) => JArray.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name)));

    public static List<HistoryEvent> Events(JArray dump) =>
        dump.Cast<JObject>().Select(o => (HistoryEvent)o.ToObject(EventTypes[(EventType)o["EventType"]!.Value<int>() + "Event"])!).ToList();

    /// <summary>Replays <paramref name="past"/> and then plays <paramref name="next"/>, as the engine does for a work item.</summary>
    public static OrchestratorExecutionResult Replay(IList<HistoryEvent> past, params HistoryEvent[] next)
    {
        var state = new OrchestrationRuntimeState(past);
        foreach (var e in next) state.AddEvent(e);
        // The host's converter (LocalEngine.Converter) and shim, as TaskHubWorker runs them.
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = new JsonDataConverter(JsonRows.Json) }, NullLoggerFactory.Instance);
        var orchestration = shims.CreateOrchestration(TicketOrchestrator.Name, new TicketOrchestrator());
        return new TaskOrchestrationExecutor(state, orchestration, BehaviorOnContinueAsNew.Carryover, ErrorPropagationMode.SerializeExceptions).Execute();
    }
}
