using ServerlessService.Core.Common;
using ServerlessService.Core.Devices;

namespace ServerlessService.Core.Engineers;

public sealed record EngineerInput(
    string? Name,
    string? Phone,
    IReadOnlyList<Skill>? Skills,
    IReadOnlyList<string>? Regions,
    GeoPoint? Location,
    int? MaxConcurrentJobs,
    bool? OnDuty,
    string? SupervisorId,
    string? WorkingCalendarId = null,
    string? Language = null)
{
    public sealed record Valid(string Name, string Phone, IReadOnlyList<Skill> Skills, IReadOnlyList<string> Regions, GeoPoint? Location, int MaxConcurrentJobs, bool OnDuty, string? SupervisorId,
        string? WorkingCalendarId = null, string? Language = null);

    public Valid Validate()
    {
        var check = new Check();
        var name = check.Text("name", Name, 100);
        var phone = check.Phone("phone", Phone);
        var skills = ValidateSkills(check);
        var regions = ValidateRegions(check);
        if (Location is not null) GeoPoint.Validate(check, "location", Location.Lat, Location.Lng, required: true);
        var max = check.Range("maxConcurrentJobs", MaxConcurrentJobs ?? 3, 1, 50);
        var supervisor = check.Text("supervisorId", SupervisorId, 40, required: false);
        if (supervisor is not null && !Ids.LooksValid(supervisor, "eng")) check.Add("supervisorId", "is not an engineer id.");
        var calendar = check.Text("workingCalendarId", WorkingCalendarId, 40, required: false);
        if (calendar is not null && !Ids.LooksValid(calendar, "cal")) check.Add("workingCalendarId", "is not a calendar id.");
        var language = Language is null ? null : check.OneOf("language", Language, Notifications.MessageTemplates.Languages);
        check.ThrowIfAny();
        return new Valid(name!, phone!, skills, regions, Location, max!.Value, OnDuty ?? true, supervisor, calendar, language);
    }

    private List<Skill> ValidateSkills(Check check)
    {
        var skills = new List<Skill>();
        if (Skills is null) return skills;
        if (Skills.Count > 30) check.Add("skills", "must have at most 30 entries.");
        for (var i = 0; i < Math.Min(Skills.Count, 30); i++)
        {
            if (Skills[i] is not { } s) { check.Add($"skills[{i}]", "is required."); continue; }
            var line = ProductLines.Validate(check, $"skills[{i}].productLine", s.ProductLine);
            var level = check.Range($"skills[{i}].level", s.Level, 1, 5);
            if (line is not null && skills.Any(k => k.ProductLine == line)) check.Add($"skills[{i}].productLine", "is listed twice.");
            skills.Add(new Skill(line, level));
        }
        return skills;
    }

    private List<string> ValidateRegions(Check check)
    {
        var regions = new List<string>();
        if (Regions is null || Regions.Count == 0) { check.Add("regions", "must name at least one GB/T 2260 region code."); return regions; }
        if (Regions.Count > 100) check.Add("regions", "must have at most 100 entries.");
        for (var i = 0; i < Math.Min(Regions.Count, 100); i++)
        {
            var r = Regions[i]?.Trim();
            if (r is null || !Address.IsRegionCode(r)) check.Add($"regions[{i}]", "must be a six-digit GB/T 2260 region code, e.g. 310104.");
            else if (!regions.Contains(r)) regions.Add(r);
        }
        return regions;
    }
}

/// <summary>The body of PUT /api/engineers/{id}/on-duty.</summary>
public sealed record DutyInput(bool? OnDuty);
