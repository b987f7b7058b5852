using System.Text.Json.Serialization;

namespace ServerlessService.Orchestrations.Lifecycle.Actions;

/// <summary>
/// Every event of the ticket lifecycle: the API actions, and the events the system and state timers raise. On the
/// wire (route segment, allowedActions, timeline kinds) and in definitions each is its lower-case name.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionKind>))]
public enum ActionKind
{
    [JsonStringEnumMemberName("assign")] Assign,
    [JsonStringEnumMemberName("accept")] Accept,
    [JsonStringEnumMemberName("decline")] Decline,
    [JsonStringEnumMemberName("depart")] Depart,
    [JsonStringEnumMemberName("arrive")] Arrive,
    [JsonStringEnumMemberName("pause")] Pause,
    [JsonStringEnumMemberName("resume")] Resume,
    [JsonStringEnumMemberName("resolve")] Resolve,
    [JsonStringEnumMemberName("confirm")] Confirm,
    [JsonStringEnumMemberName("reject-resolution")] RejectResolution,
    [JsonStringEnumMemberName("rate")] Rate,
    [JsonStringEnumMemberName("cancel")] Cancel,
    [JsonStringEnumMemberName("reopen")] Reopen,
    [JsonStringEnumMemberName("prioritize")] Prioritize,
    [JsonStringEnumMemberName("sla-reassign")] SlaReassign,
    [JsonStringEnumMemberName("auto-close")] AutoClose,
}

public static class ActionKinds
{
    private static readonly Dictionary<ActionKind, string> Names = Enum.GetValues<ActionKind>().ToDictionary(k => k,
        k => typeof(ActionKind).GetField(k.ToString())!.GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false)
            .Cast<JsonStringEnumMemberNameAttribute>().Single().Name);

    /// <summary>The wire name: "reject-resolution" for RejectResolution.</summary>
    public static string Name(this ActionKind kind) => Names[kind];
}
