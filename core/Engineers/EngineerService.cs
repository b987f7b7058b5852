using System.Text.Json;
using ServerlessService.Core.Common;
using ServerlessService.Core.Storage;

namespace ServerlessService.Core.Engineers;

public sealed class EngineerService(IEngineerStore store, Sla.ISlaStore calendars, TimeProvider clock)
{
    public async Task<Engineer> CreateAsync(Caller caller, EngineerInput input, CancellationToken ct)
    {
        if (!caller.Can(Permission.EditArchive)) throw new ForbiddenException("Only dispatchers and admins add engineers.");
        var v = input.Validate();
        var id = Ids.New("eng");
        await RequireSupervisorAsync(v.SupervisorId, id, ct);
        await RequireCalendarAsync(v.WorkingCalendarId, ct);
        var now = clock.GetUtcNow();
        var engineer = new Engineer(id, v.Name, v.Phone, v.Skills, v.Regions, v.Location, v.MaxConcurrentJobs, v.OnDuty, v.SupervisorId, now, now,
            v.WorkingCalendarId, v.Language);
        if (!await store.TryAddAsync(engineer, ct)) throw PhoneTaken(v.Phone);
        return engineer;
    }

    public async Task<Engineer> GetAsync(Caller caller, string id, CancellationToken ct) => (await ReadVisibleAsync(caller, id, ct)).Value;

    /// <summary>Staff change everything; an engineer may change only their own location, on-duty flag and message language.</summary>
    public async Task<Engineer> UpdateAsync(Caller caller, string id, EngineerInput input, CancellationToken ct)
    {
        var stored = await ReadVisibleAsync(caller, id, ct);
        var current = stored.Value;
        if (!caller.Can(Permission.EditArchive) && !caller.IsEngineer(id)) throw new ForbiddenException("Only dispatchers and admins change engineer records.");
        var v = input.Validate();
        if (!caller.Can(Permission.EditArchive))
        {
            var asIs = new EngineerInput.Valid(current.Name, current.Phone, current.Skills, current.Regions, v.Location, current.MaxConcurrentJobs, v.OnDuty, current.SupervisorId,
                current.WorkingCalendarId, v.Language);
            if (!SameJson(asIs, v)) throw new ForbiddenException("An engineer may change only their own location, on-duty status and message language.");
        }
        if (v.SupervisorId != current.SupervisorId) await RequireSupervisorAsync(v.SupervisorId, id, ct);
        if (v.WorkingCalendarId != current.WorkingCalendarId) await RequireCalendarAsync(v.WorkingCalendarId, ct);
        var updated = current with
        {
            Name = v.Name, Phone = v.Phone, Skills = v.Skills, Regions = v.Regions, Location = v.Location,
            MaxConcurrentJobs = v.MaxConcurrentJobs, OnDuty = v.OnDuty, SupervisorId = v.SupervisorId, UpdatedAt = clock.GetUtcNow(),
            WorkingCalendarId = v.WorkingCalendarId, Language = v.Language,
        };
        if (!await store.TryUpdateAsync(current, updated, stored.Version, ct)) throw PhoneTaken(v.Phone);
        return updated;
    }

    /// <summary>
    /// On or off duty, and nothing else: the current record is read and only its duty changes, so a concurrent edit of
    /// other fields is never overwritten. Dispatchers and admins, or the engineer themself.
    /// </summary>
    public async Task<Engineer> SetOnDutyAsync(Caller caller, string id, bool? onDuty, CancellationToken ct)
    {
        if (!caller.Can(Permission.ReadAll) && !caller.IsEngineer(id)) throw new NotFoundException("Engineer", id);
        if (!caller.Can(Permission.EditArchive) && !caller.IsEngineer(id)) throw new ForbiddenException("Only dispatchers, admins and the engineer themself change duty.");
        if (onDuty is not { } duty) throw ValidationFailedException.For("onDuty", "is required: true or false.");
        for (var attempt = 1; ; attempt++)
        {
            var stored = await ReadVisibleAsync(caller, id, ct);
            var updated = stored.Value with { OnDuty = duty, UpdatedAt = clock.GetUtcNow() };
            try
            {
                await store.TryUpdateAsync(stored.Value, updated, stored.Version, ct);
                return updated;
            }
            catch (ConflictException) when (attempt < 3)
            {
                // Someone saved the record meanwhile: read it again and change only the duty.
            }
        }
    }

    public Task<Paged<Engineer>> ListAsync(Caller caller, string? namePrefix, PageRequest page, CancellationToken ct)
    {
        if (!caller.Can(Permission.ReadAll)) throw new ForbiddenException("Only staff list engineers.");
        if (namePrefix is { Length: > 100 }) throw ValidationFailedException.For("name", "must be at most 100 characters.");
        return store.ListAsync(namePrefix, page, ct);
    }

    private async Task<Stored<Engineer>> ReadVisibleAsync(Caller caller, string id, CancellationToken ct)
    {
        if (!caller.Can(Permission.ReadAll) && !caller.IsEngineer(id)) throw new NotFoundException("Engineer", id);
        return await store.GetIfExistsAsync(id, ct) ?? throw new NotFoundException("Engineer", id);
    }

    private async Task RequireCalendarAsync(string? calendarId, CancellationToken ct)
    {
        if (calendarId is not null && await calendars.GetCalendarAsync(calendarId, ct) is null)
            throw ValidationFailedException.For("workingCalendarId", $"no calendar '{calendarId}' exists.");
    }

    private async Task RequireSupervisorAsync(string? supervisorId, string selfId, CancellationToken ct)
    {
        if (supervisorId is null) return;
        if (supervisorId == selfId) throw ValidationFailedException.For("supervisorId", "cannot be the engineer themself.");
        if (await store.GetIfExistsAsync(supervisorId, ct) is null) throw ValidationFailedException.For("supervisorId", $"no engineer '{supervisorId}' exists.");
    }

    private static bool SameJson<T>(T a, T b) => JsonSerializer.Serialize(a, JsonRows.Json) == JsonSerializer.Serialize(b, JsonRows.Json);

    private static ConflictException PhoneTaken(string phone) =>
        new("Phone number already in use.", $"Another engineer already has the phone {Phones.Mask(phone)}.");
}
