using Microsoft.DurableTask;
using ServerlessService.Core.Dispatch;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.Orchestrations.Tickets;

/// <summary>A step as one activity: its projection, then its effects in order, then automatic dispatch if it asked for it.</summary>
public sealed record StepWork(Projection Projection, IReadOnlyList<EffectWork> Effects, DispatchWork? Dispatch, string? DispatchEffectId);

/// <summary>An effect of the step that failed (once: the orchestration retries it as its own activity).</summary>
public sealed record EffectError(string EffectId, string Error);

/// <summary>What became of a step's effects, and the dispatch decision.</summary>
public sealed record StepDone(IReadOnlyList<EffectError> Failed, DispatchDecision? Decision);

/// <summary>
/// Writes a step and carries out its effects in one activity, so a step costs the engine one activity and one
/// completion instead of one per effect (docs/performance.md). The projection is idempotent by step number, each
/// effect by its effect id, so the engine may run it again. An effect that throws does not stop the others: it is
/// reported, and the orchestration retries it on its own with the usual retries.
/// </summary>
public sealed class StepActivity(ProjectionActivity projection, EffectRunner effects, DispatchActivity dispatch) : TaskActivity<StepWork, StepDone>
{
    public const string Name = "ApplyStep";

    public override async Task<StepDone> RunAsync(TaskActivityContext context, StepWork work)
    {
        await projection.RunAsync(context, work.Projection);
        var failed = new List<EffectError>();
        foreach (var effect in work.Effects)
        {
            try { await effects.RunAsync(effect, CancellationToken.None); }
            catch (Exception e) { failed.Add(new(effect.EffectId, e.Message)); }
        }
        DispatchDecision? decision = null;
        if (work.Dispatch is { } d)
        {
            try { decision = await dispatch.RunAsync(context, d); }
            catch (Exception e) { failed.Add(new(work.DispatchEffectId ?? "", e.Message)); }
        }
        return new StepDone(failed, decision);
    }
}
