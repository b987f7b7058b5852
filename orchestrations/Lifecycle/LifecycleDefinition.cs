using System.Text.Json;
using System.Text.Json.Serialization;
using ServerlessService.Core.Storage;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>A timer armed on entering a state; <c>after</c> names a LifecycleOptions duration or is "hh:mm:ss".</summary>
public sealed record TimerSpec(string Name, string After, string Raises);

public sealed record StateSpec(bool Final = false, IReadOnlyList<TimerSpec>? Timers = null);

/// <summary>
/// A transition: the event, the statuses it leaves from, the status it enters (null stays, "$return" goes back to the
/// status a pause left), who raises it (staff, engineer, customer, system, timer), payload conditions and named guards.
/// </summary>
public sealed record TransitionSpec(
    string Event,
    IReadOnlyList<string> From,
    string? To,
    IReadOnlyList<string> By,
    IReadOnlyDictionary<string, string>? When = null,
    IReadOnlyList<string>? If = null)
{
    public bool Leaves(TicketStatus status) => From.Contains(status.ToString());

    /// <summary>Where the transition takes the ticket: its status (null), the status a pause left ("$return"), or the named one.</summary>
    public TicketStatus Target(Ticket t, LifecycleDefinition d) => To switch
    {
        null => t.Status,
        LifecycleDefinition.Return => t.Work?.ReturnStatus ?? d.InitialStatus,
        var s => Enum.Parse<TicketStatus>(s),
    };
}

/// <summary>When an SLA clock starts (events; "@created" is intake), stops, is cancelled, pauses and resumes.</summary>
public sealed record ClockSpec(
    IReadOnlyList<string>? StartOn = null,
    IReadOnlyList<string>? StopIn = null,
    IReadOnlyList<string>? CancelIn = null,
    IReadOnlyList<string>? PauseIn = null,
    IReadOnlyList<string>? ResumeOn = null);

/// <summary>A versioned ticket lifecycle (JSON data). Running tickets keep the version they started with.</summary>
public sealed record LifecycleDefinition(
    string Name,
    int Version,
    string Initial,
    IReadOnlyDictionary<string, StateSpec> States,
    IReadOnlyList<TransitionSpec> Transitions,
    IReadOnlyDictionary<string, ClockSpec> Clocks)
{
    public const string Return = "$return";
    public const string Created = "@created";

    public static LifecycleDefinition Parse(string json) =>
        JsonSerializer.Deserialize<LifecycleDefinition>(json, JsonRows.Json) ?? throw new JsonException("The definition is empty.");

    public string ToJson() => JsonSerializer.Serialize(this, JsonRows.Json);

    /// <summary>The status new tickets start in (validated to be a ticket status).</summary>
    [JsonIgnore]
    public TicketStatus InitialStatus => Enum.Parse<TicketStatus>(Initial);

    public StateSpec? State(TicketStatus status) => States.GetValueOrDefault(status.ToString());

    public bool IsFinal(TicketStatus status) => State(status)?.Final == true;
}

public static class Actors
{
    public const string Staff = "staff";
    public const string Engineer = "engineer";
    public const string Customer = "customer";
    public const string System = "system";
    public const string Timer = "timer";
    public static readonly string[] All = [Staff, Engineer, Customer, System, Timer];
}
