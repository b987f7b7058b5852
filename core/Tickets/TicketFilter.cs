using System.Globalization;
using ServerlessService.Core.Common;
using ServerlessService.Core.Devices;

namespace ServerlessService.Core.Tickets;

/// <summary>Ticket list filters, all optional; created range is inclusive. SlaState lists open tickets in warning or breach (the escalations inbox).</summary>
public sealed record TicketFilter(TicketStatus? Status, string? CustomerId, string? EngineerId, string? SerialNumber, DateTimeOffset? CreatedFrom, DateTimeOffset? CreatedTo, string? SlaState = null)
{
    public static readonly string[] AttentionStates = ["warning", "breached"];

    public static TicketFilter Parse(string? status, string? customerId, string? engineerId, string? serialNumber, string? createdFrom, string? createdTo, string? slaState = null)
    {
        var check = new Check();
        var s = status is null ? null : check.OneOf("status", status, TicketStatuses.All);
        var sla = slaState is null ? null : check.OneOf("slaState", slaState, AttentionStates);
        if (customerId is not null && !Ids.LooksValid(customerId, "cus")) check.Add("customerId", "is not a customer id.");
        if (engineerId is not null && !Ids.LooksValid(engineerId, "eng")) check.Add("engineerId", "is not an engineer id.");
        var serial = serialNumber is null ? null : SerialNumbers.Validate(check, "serialNumber", serialNumber);
        var from = Instant(check, "createdFrom", createdFrom);
        var to = Instant(check, "createdTo", createdTo);
        if (from > to) check.Add("createdTo", "must not be before createdFrom.");
        check.ThrowIfAny();
        return new TicketFilter(s is null ? null : Enum.Parse<TicketStatus>(s), customerId, engineerId, serial, from, to, sla);
    }

    private static DateTimeOffset? Instant(Check check, string field, string? value)
    {
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t;
        check.Add(field, "must be an ISO 8601 date-time, e.g. 2026-11-24T09:00:00+08:00.");
        return null;
    }
}
