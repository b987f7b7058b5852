using ServerlessService.Api.Hosting;
using ServerlessService.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Notifications;

namespace ServerlessService.Api.Notifications;

/// <summary>Message templates per event and language. Read: staff. Change or reset: admins.</summary>
public static class TemplateFunctions
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/notification-templates").WithTags("Notifications").RequirePermission(Permission.ReadAll);
        g.MapGet("/", List);
        g.MapPut("/{event}/{language}", Put).RequirePermission(Permission.ManageNotifications);
        g.MapPost("/{event}/{language}/preview", Preview);
        g.MapDelete("/{event}/{language}", Reset).RequirePermission(Permission.ManageNotifications);
    }

    private static async Task<Ok<IReadOnlyList<MessageTemplate>>> List(Caller caller, TemplateService templates, CancellationToken ct) =>
        TypedResults.Ok(await templates.ListAsync(caller, ct));

    /// <summary>{"text": "…{ticketNumber}…"}; the answer includes the SMS encoding and segment count of the text.</summary>
    private static async Task<Ok<MessageTemplate>> Put(string @event, string language, TemplateInput body, Caller caller, TemplateService templates, CancellationToken ct) =>
        TypedResults.Ok(await templates.PutAsync(caller, @event, language, body, ct));

    /// <summary>{"text": …} checked and measured as PUT would, without saving: the editor's live SMS segment count.</summary>
    private static Ok<MessageTemplate> Preview(string @event, string language, TemplateInput body, Caller caller) =>
        TypedResults.Ok(TemplateService.Preview(caller, @event, language, body));

    /// <summary>Back to the built-in text.</summary>
    private static async Task<Ok<MessageTemplate>> Reset(string @event, string language, Caller caller, TemplateService templates, CancellationToken ct) =>
        TypedResults.Ok(await templates.ResetAsync(caller, @event, language, ct));
}
