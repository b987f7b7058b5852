using ServerlessService.Core.Common;
using ServerlessService.Core.Customers;
using ServerlessService.Core.Devices;
using ServerlessService.Core.Dispatch;

namespace ServerlessService.Core.Tickets;

public sealed record Submission(Ticket Ticket, bool Replayed);

/// <summary>Service-request intake (报修受理) and ticket reads, with who-may-see-what.</summary>
public sealed class TicketService(
    ITicketStore tickets, IDeviceStore devices, ICustomerStore customers, ITicketNumbers numbers, IIdempotencyStore idempotency, RuleService rules,
    BusinessClock clock)
{
    public async Task<Submission> SubmitAsync(Caller caller, TicketInput input, string? idempotencyKey, CancellationToken ct)
    {
        if (caller.Role != Roles.Customer && !caller.Can(Permission.WorkTickets)) throw new ForbiddenException("Only customers, dispatchers and admins open tickets.");
        var key = IdempotencyKeys.Validate(idempotencyKey);
        var valid = input.Validate(clock.UtcNow);
        var id = Ids.New("tkt");
        if (key is not null)
        {
            var fingerprint = IdempotencyKeys.Fingerprint(input);
            var first = await idempotency.GetOrAddAsync("tickets|" + caller.Subject, key, new IdempotencyRecord(fingerprint, id), ct);
            if (first.RequestHash != fingerprint)
                throw new ConflictException("Idempotency-Key already used.", "This Idempotency-Key was used for a different request; use a new key.");
            if (await tickets.GetIfExistsAsync(first.ResourceId, ct) is { } done)
            {
                // Adding it again changes nothing, but starts its workflow if the first attempt died before doing so.
                await tickets.TryAddAsync(done.Value, ct);
                return new Submission(done.Value, true);
            }
            id = first.ResourceId;
        }
        var ticket = await OpenAsync(caller, valid, id, ct);
        if (await tickets.TryAddAsync(ticket, ct)) return new Submission(ticket, false);
        return new Submission((await tickets.GetIfExistsAsync(id, ct))!.Value, true);
    }

    public async Task<Ticket> GetAsync(Caller caller, string id, CancellationToken ct)
    {
        var stored = Ids.LooksValid(id, "tkt") ? await tickets.GetIfExistsAsync(id, ct) : null;
        if (stored is null || !CanSee(caller, stored.Value)) throw new NotFoundException("Ticket", id);
        return stored.Value;
    }

    public Task<Paged<TicketSummary>> ListAsync(Caller caller, TicketFilter filter, PageRequest page, CancellationToken ct)
    {
        if (caller.Role == Roles.Customer)
        {
            if (filter.CustomerId is not null && filter.CustomerId != caller.CustomerId) throw new ForbiddenException("Customers list only their own tickets.");
            filter = filter with { CustomerId = caller.CustomerId };
        }
        else if (caller.Role == Roles.Engineer)
        {
            if (filter.EngineerId is not null && filter.EngineerId != caller.EngineerId) throw new ForbiddenException("Engineers list only their own jobs.");
            filter = filter with { EngineerId = caller.EngineerId };
        }
        return tickets.ListAsync(filter, page, ct);
    }

    public static bool CanSee(Caller caller, Ticket t) =>
        caller.Can(Permission.ReadAll) || caller.IsCustomer(t.CustomerId) || (caller.IsEngineer(t.AssignedEngineerId) && (caller.TicketScope is null || caller.TicketScope == t.Id));

    private async Task<Ticket> OpenAsync(Caller caller, TicketInput.Valid v, string id, CancellationToken ct)
    {
        var device = (await devices.GetIfExistsAsync(v.SerialNumber, ct))?.Value;
        var customerId = OwnerOf(caller, v, device);
        var customer = (await customers.GetIfExistsAsync(customerId, ct))?.Value
            ?? throw ValidationFailedException.For("customerId", $"no customer '{customerId}' exists.");
        var site = v.SiteAddress ?? device?.InstallAddress ?? customer.Address
            ?? throw ValidationFailedException.For("siteAddress", "is required: neither the device nor the customer record has an address.");
        var now = clock.UtcNow;
        var warranty = device is null ? null : Warranty.On(device.WarrantyEndsOn, clock.Today);
        // A customer's own urgency counts up to P3; a rule may still raise it.
        var asked = caller.Role == Roles.Customer ? Priorities.AtMost(v.Priority, Priorities.CustomerHighest) : v.Priority;
        var outcome = RuleEngine.Evaluate(await rules.ActiveAsync(ct), new RuleFacts(
            v.FaultCategory, device?.ProductLine, site.Region ?? "", customer.Tier, asked, warranty?.Status ?? RuleEngine.UnknownWarranty, v.Description));
        return new Ticket(
            id, await numbers.NextAsync(ct), TicketStatus.Submitted, outcome.Priority ?? asked, v.SerialNumber, device is not null, customerId,
            device?.Model, device?.ProductLine, warranty,
            v.FaultCategory, v.Description, v.ContactPhone ?? customer.Phone, site, v.PreferredWindow, null, caller.Subject, now, now,
            CustomerTier: customer.Tier, Dispatch: DispatchPlan.From(outcome), CustomerName: customer.Name);
    }

    private static string OwnerOf(Caller caller, TicketInput.Valid v, Device? device)
    {
        if (caller.Role == Roles.Customer)
        {
            if (v.CustomerId is not null && v.CustomerId != caller.CustomerId) throw new ForbiddenException("Customers open tickets only for themselves.");
            if (device is not null && device.CustomerId != caller.CustomerId)
                throw new ForbiddenException("This serial number is registered to another customer; contact the service desk.");
            return caller.CustomerId!;
        }
        if (device is not null)
        {
            if (v.CustomerId is not null && v.CustomerId != device.CustomerId)
                throw ValidationFailedException.For("customerId", "does not own this device; leave it out to use the device's owner.");
            return device.CustomerId;
        }
        return v.CustomerId ?? throw ValidationFailedException.For("customerId", "is required when the serial number is not registered.");
    }
}
