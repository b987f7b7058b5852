using System.Text.Json.Nodes;
using ServerlessService.Core.Common;
using ServerlessService.Orchestrations.Lifecycle;

namespace ServerlessService.UnitTests;

public sealed class LifecycleDefinitionTests
{
    private static JsonObject V1() => JsonNode.Parse(DefinitionStore.BuiltIn.ToJson())!.AsObject();

    private static IReadOnlyCollection<string> Errors(JsonObject definition)
    {
        var e = Assert.Throws<ValidationFailedException>(() => DefinitionValidator.ParseAndValidate(definition.ToJsonString(), LifecycleOptions.Names));
        return e.Errors.Keys.ToList();
    }

    private static JsonObject Transition(string ev, string from, string? to, string by) =>
        new() { ["event"] = ev, ["from"] = new JsonArray(from), ["to"] = to, ["by"] = new JsonArray(by) };

    [Fact]
    public void TheBuiltInDefinitionIsValidAndHasEveryStatus()
    {
        var d = DefinitionValidator.ParseAndValidate(DefinitionStore.BuiltIn.ToJson(), LifecycleOptions.Names);
        Assert.Equal(1, d.Version);
        Assert.Equal(["Submitted", "Assigned", "Accepted", "EnRoute", "OnSite", "WaitingParts", "WaitingCustomer", "Resolved", "Closed", "Cancelled"], d.States.Keys);
    }

    [Fact]
    public void ATransitionToAnUnknownStateIsNamed()
    {
        var d = V1();
        d["transitions"]!.AsArray().Add(Transition("cancel", "Submitted", "Archived", "staff"));
        Assert.Contains($"transitions[{d["transitions"]!.AsArray().Count - 1}].to", Errors(d));
    }

    [Fact]
    public void AStateNoTransitionReachesIsNamed()
    {
        var d = V1();
        var transitions = d["transitions"]!.AsArray();
        foreach (var t in transitions.Where(t => t!["to"]?.GetValue<string>() == "WaitingParts").ToList()) transitions.Remove(t);
        Assert.Contains("states.WaitingParts", Errors(d));
    }

    [Fact]
    public void AnEventNobodyRaisesIsNamed()
    {
        var d = V1();
        d["transitions"]!.AsArray().Add(Transition("teleport", "Submitted", "OnSite", "staff"));
        d["transitions"]!.AsArray().Add(Transition("auto-close", "Submitted", "Closed", "timer"));
        var errors = Errors(d);
        var count = d["transitions"]!.AsArray().Count;
        Assert.Contains($"transitions[{count - 2}].event", errors);
        Assert.Contains($"transitions[{count - 1}].event", errors);
    }

    [Fact]
    public void UnknownGuardsActorsTimersAndClockStatesAreNamed()
    {
        var d = V1();
        var bad = Transition("resolve", "OnSite", "Resolved", "robot");
        bad["if"] = new JsonArray("moon-is-full");
        d["transitions"]!.AsArray().Add(bad);
        d["states"]!["Resolved"]!["timers"]![0]!["after"] = "soon";
        d["clocks"]!["arrival"]!["stopIn"] = new JsonArray("AtTheDoor");
        var errors = Errors(d);
        var i = d["transitions"]!.AsArray().Count - 1;
        Assert.Contains($"transitions[{i}].by", errors);
        Assert.Contains($"transitions[{i}].if", errors);
        Assert.Contains("states.Resolved.timers[0].after", errors);
        Assert.Contains("clocks.arrival", errors);
    }

    [Fact]
    public void ATransitionOutOfAFinalStateIsRefused()
    {
        var d = V1();
        d["transitions"]!.AsArray().Add(Transition("assign", "Cancelled", "Assigned", "staff"));
        Assert.Contains($"transitions[{d["transitions"]!.AsArray().Count - 1}].from", Errors(d));
    }
}
