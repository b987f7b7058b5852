using System.Text.Json;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;
using ServerlessService.Core.Tickets;
using ServerlessService.Orchestrations.Lifecycle;
using ServerlessService.Orchestrations.Lifecycle.Actions;

namespace ServerlessService.UnitTests;

/// <summary>The lifecycle's vocabulary: what each caller may do in each status (the ticket's allowedActions), and each action's input check.</summary>
public sealed class TicketActionsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T09:00:00+08:00");
    private const string EngineerId = "eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b1";
    private static readonly Caller Customer = new("cus-1", Roles.Customer, CustomerId: "cus-1");
    private static readonly Caller OtherCustomer = new("cus-2", Roles.Customer, CustomerId: "cus-2");
    private static readonly Caller Engineer = new(EngineerId, Roles.Engineer, EngineerId: EngineerId);
    private static readonly Caller Dispatcher = new("dispatcher", Roles.Dispatcher);
    private static readonly StepContext Context = new(DefinitionStore.BuiltIn, new LifecycleOptions(), Now, [], new Dictionary<string, Core.Sla.BusinessCalendar>());

    private static Ticket In(TicketStatus status, string? engineer = EngineerId, TicketWork? work = null) =>
        new("tkt-1", "261123-0001", status, "P3", "SN-1", true, "cus-1", "AirPro 75", "air-compressor", null, "noise", "异响", "+8613800138000",
            new Address("310104", "上海市", null, null), null, engineer, "dispatcher", Now, Now, Work: work);

    private static string[] Allowed(Ticket t, Caller caller) => [.. ActionRules.Names(ActionRules.AllowedFor(t, caller, Context))];

    [Theory]
    [InlineData(TicketStatus.Assigned, "accept decline", "cancel", "assign accept decline cancel prioritize")]
    [InlineData(TicketStatus.Accepted, "depart arrive pause", "", "assign depart arrive pause cancel prioritize")]
    [InlineData(TicketStatus.EnRoute, "arrive pause", "", "assign arrive pause cancel prioritize")]
    [InlineData(TicketStatus.OnSite, "pause resolve", "", "pause resolve cancel prioritize")]
    [InlineData(TicketStatus.WaitingParts, "resume", "", "resume cancel prioritize")]
    [InlineData(TicketStatus.Resolved, "", "confirm reject-resolution rate", "confirm reject-resolution rate")]
    [InlineData(TicketStatus.Cancelled, "", "", "")]
    public void EachRoleMayTakeOnlyItsOwnStepsAndStaffMayStepIn(TicketStatus status, string engineer, string customer, string staff)
    {
        var t = In(status);
        Assert.Equal(Words(engineer), Allowed(t, Engineer));
        Assert.Equal(Words(customer), Allowed(t, Customer));
        Assert.Equal(Words(staff), Allowed(t, Dispatcher));
    }

    [Fact]
    public void NobodyWhoseTicketItIsNotMayDoAnything()
    {
        Assert.Empty(Allowed(In(TicketStatus.Assigned), OtherCustomer));
        Assert.Empty(Allowed(In(TicketStatus.Assigned, engineer: "eng-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b9"), Engineer));
        Assert.Equal(["assign", "cancel", "prioritize"], Allowed(In(TicketStatus.Submitted, engineer: null), Dispatcher));
    }

    [Fact]
    public void GuardsTakeActionsAwayOnceTheyNoLongerHold()
    {
        var closed = new TicketWork(ClosedAt: Now.AddDays(-1));
        Assert.Equal(["rate", "reopen"], Allowed(In(TicketStatus.Closed, work: closed), Customer));
        Assert.Equal(["reopen"], Allowed(In(TicketStatus.Closed, work: closed with { Rating = new Rating(5, null, Now) }), Customer));
        Assert.Equal(["rate"], Allowed(In(TicketStatus.Closed, work: closed with { ClosedAt = Now.AddDays(-8) }), Customer));
    }

    [Fact]
    public void TheRefusalOfAnActionListsWhatTheCallerMayDoInstead()
    {
        var instance = new TicketState(In(TicketStatus.Assigned), 1, TicketState.NoTimers);
        var e = Assert.Throws<ActionNotAllowedException>(() => TicketEngine.Act(instance, TicketActions.Of(ActionKind.Resolve), new ActionInput(), Engineer, Context));
        Assert.Equal(["accept", "decline"], e.AllowedActions);
        Assert.Equal(Allowed(instance.Data, Customer), Assert.Throws<ActionNotAllowedException>(() =>
            TicketEngine.Act(instance, TicketActions.Of(ActionKind.Confirm), new ActionInput(), Customer, Context)).AllowedActions);
    }

    [Fact]
    public void WhatIsAllowedIsWhatTheEngineAccepts()
    {
        var bodies = new Dictionary<ActionKind, ActionInput>
        {
            [ActionKind.Assign] = new(EngineerId: EngineerId), [ActionKind.Arrive] = new(Lat: 31.2, Lng: 121.4), [ActionKind.Pause] = new(Reason: "waiting-parts"),
            [ActionKind.Resolve] = new(Cause: "c", Solution: "s", LaborMinutes: 5), [ActionKind.Rate] = new(Score: 4), [ActionKind.Prioritize] = new(Priority: "P1"),
        };
        foreach (var status in Enum.GetValues<TicketStatus>())
            foreach (var caller in new[] { Engineer, Customer, Dispatcher })
            {
                var t = In(status, work: new TicketWork(ClosedAt: Now.AddHours(-1), ReturnStatus: TicketStatus.OnSite));
                var allowed = ActionRules.AllowedFor(t, caller, Context);
                foreach (var action in TicketActions.Api)
                {
                    var body = (bodies.GetValueOrDefault(action.Kind) ?? new ActionInput()) with { Reason = Reason(action.Kind) };
                    var accepted = Record.Exception(() => TicketEngine.Act(new TicketState(t, 1, TicketState.NoTimers), action, action.Validate(body), caller, Context)) is null;
                    Assert.True(accepted == allowed.Contains(action.Kind), $"{action.Name} by {caller.Role} in {status}: accepted {accepted}, allowed {allowed.Contains(action.Kind)}");
                }
            }
    }

    private static string Reason(ActionKind kind) => kind == ActionKind.Pause ? "waiting-parts" : "电话确认";

    [Fact]
    public void ResumeGoesBackToTheStatusThePauseLeft()
    {
        var paused = TicketEngine.Act(new TicketState(In(TicketStatus.Accepted), 1, TicketState.NoTimers), TicketActions.Of(ActionKind.Pause),
            new ActionInput(Reason: "waiting-customer"), Engineer, Context).Data;
        Assert.Equal(TicketStatus.WaitingCustomer, paused.Status);
        var resumed = TicketEngine.Act(new TicketState(paused, 1, TicketState.NoTimers), TicketActions.Of(ActionKind.Resume), new ActionInput(), Engineer, Context).Data;
        Assert.Equal(TicketStatus.Accepted, resumed.Status);
        Assert.Equal(["depart", "arrive", "pause"], Allowed(resumed, Engineer));
    }

    [Theory]
    [InlineData("assign", "{}", "engineerId")]
    [InlineData("assign", """{"engineerId":"cus-0197a0b0c0d0e0f0a0b0c0d0e0f0a0b1"}""", "engineerId")]
    [InlineData("decline", "{}", "reason")]
    [InlineData("arrive", """{"lat":91,"lng":121}""", "lat")]
    [InlineData("arrive", """{"lat":31}""", "lng")]
    [InlineData("pause", """{"reason":"lunch"}""", "reason")]
    [InlineData("resolve", """{"cause":"c","solution":"s"}""", "laborMinutes")]
    [InlineData("resolve", """{"cause":"c","solution":"s","laborMinutes":5,"signaturePhotoId":"x"}""", "signaturePhotoId")]
    [InlineData("confirm", """{"signaturePhotoId":"tkt-1"}""", "signaturePhotoId")]
    [InlineData("reject-resolution", "{}", "reason")]
    [InlineData("rate", """{"score":6}""", "score")]
    [InlineData("cancel", """{"reason":" "}""", "reason")]
    [InlineData("reopen", "{}", "reason")]
    [InlineData("prioritize", """{"priority":"P9"}""", "priority")]
    public void EachActionChecksItsOwnFields(string action, string body, string field)
    {
        var input = JsonSerializer.Deserialize<ActionInput>(body, JsonRows.Json)!;
        var e = Assert.Throws<ValidationFailedException>(() => TicketActions.Find(action)!.Validate(input));
        Assert.Contains(field, e.Errors.Keys);
    }

    [Fact]
    public void AnActionKeepsOnlyTheFieldsItUses()
    {
        var body = new ActionInput(EngineerId: EngineerId, Reason: " 路上 ", Lat: 31.2, Lng: 121.4, Score: 5, Priority: "P1");
        Assert.Equal(new ActionInput(Reason: "路上", Lat: 31.2, Lng: 121.4), TicketActions.Of(ActionKind.Arrive).Validate(body));
        Assert.Equal(new ActionInput(Reason: "路上", Priority: "P1"), TicketActions.Of(ActionKind.Prioritize).Validate(body));
        Assert.Equal(new ActionInput(), TicketActions.Of(ActionKind.Accept).Validate(new ActionInput()));
    }

    [Fact]
    public void NamesOnTheWireAreTheLowerCaseNamesDefinitionsUse()
    {
        Assert.Equal("reject-resolution", ActionKind.RejectResolution.Name());
        Assert.Equal("\"sla-reassign\"", JsonSerializer.Serialize(ActionKind.SlaReassign, JsonRows.Json));
        Assert.Equal("\"WaitingParts\"", JsonSerializer.Serialize(TicketStatus.WaitingParts, JsonRows.Json));
        Assert.Equal(LifecycleVocabulary.Actions, TicketActions.Api.Select(a => a.Name));
        Assert.Equal(["assign", "prioritize", "sla-reassign"], LifecycleVocabulary.SystemEvents.Order());
        Assert.All(DefinitionStore.BuiltIn.Transitions, t => Assert.NotNull(TicketActions.Find(t.Event)));
        Assert.Null(TicketActions.Find("teleport"));
    }

    private static string[] Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
