using ServerlessService.Api.Hosting;
using ServerlessService.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Sla;

namespace ServerlessService.Api.Sla;

/// <summary>Business calendars (工作日历). Read: staff. Create and edit: admins and managers.</summary>
public static class CalendarFunctions
{
    /// <summary>When the business minutes from the start fall due.</summary>
    public sealed record DueTime(DateTimeOffset Due);

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/calendars").WithTags("SLA").RequirePermission(Permission.ReadAll);
        g.MapPost("/", Create).RequirePermission(Permission.EditSlaConfiguration);
        g.MapGet("/", List);
        g.MapGet("/{id}", Get);
        g.MapPut("/{id}", Update).RequirePermission(Permission.EditSlaConfiguration);
        g.MapGet("/{id}/due", PreviewDue);
    }

    private static async Task<Created<Calendar>> Create(CalendarInput body, Caller caller, SlaService sla, CancellationToken ct)
    {
        var c = await sla.CreateCalendarAsync(caller, body, ct);
        return TypedResults.Created($"/api/calendars/{c.Id}", c);
    }

    private static async Task<Ok<IReadOnlyList<Calendar>>> List(Caller caller, SlaService sla, CancellationToken ct) =>
        TypedResults.Ok(await sla.ListCalendarsAsync(caller, ct));

    private static async Task<Ok<Calendar>> Get(string id, Caller caller, SlaService sla, CancellationToken ct) =>
        TypedResults.Ok(await sla.GetCalendarAsync(caller, id, ct));

    private static async Task<Ok<Calendar>> Update(string id, CalendarInput body, Caller caller, SlaService sla, CancellationToken ct) =>
        TypedResults.Ok(await sla.UpdateCalendarAsync(caller, id, body, ct));

    /// <summary>{"due": ISO 8601} — when a target of that many business minutes from start falls due on this calendar.</summary>
    private static async Task<Ok<DueTime>> PreviewDue(
        string id, string? start, string? minutes, Caller caller, SlaService sla, CancellationToken ct) =>
        TypedResults.Ok(new DueTime(await sla.DueAsync(caller, id, start, minutes, ct)));
}
