using ServerlessService.Core.Common;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>The body of POST /api/tickets/{id}/{action}; which fields count depends on the action.</summary>
public sealed record ActionInput(
    string? EngineerId = null,
    string? Reason = null,
    string? Note = null,
    double? Lat = null,
    double? Lng = null,
    string? Cause = null,
    string? Solution = null,
    int? LaborMinutes = null,
    int? Score = null,
    string? Comment = null,
    string? Priority = null,
    string? SignaturePhotoId = null)
{
    public static readonly string[] PauseReasons = ["waiting-customer", "waiting-parts"];

    /// <summary>Validates and trims the fields the action uses; the reason is optional unless the action needs one.</summary>
    public ActionInput Validate(string action)
    {
        var check = new Check();
        var reason = action switch
        {
            "pause" => check.OneOf("reason", Reason, PauseReasons),
            "decline" or "reject-resolution" or "cancel" or "reopen" => check.Text("reason", Reason, 500),
            _ => check.Text("reason", Reason, 500, required: false),
        };
        var v = new ActionInput(Reason: reason, Note: check.Text("note", Note, 1000, required: false));
        switch (action)
        {
            case "assign":
                var id = check.Text("engineerId", EngineerId, 40);
                if (id is not null && !Ids.LooksValid(id, "eng")) check.Add("engineerId", "is not an engineer id.");
                v = v with { EngineerId = id };
                break;
            case "arrive":
                if (Lat is not { } lat || !(lat >= -90 && lat <= 90)) check.Add("lat", "is required, between -90 and 90.");
                if (Lng is not { } lng || !(lng >= -180 && lng <= 180)) check.Add("lng", "is required, between -180 and 180.");
                v = v with { Lat = Lat, Lng = Lng };
                break;
            case "resolve":
                v = v with
                {
                    Cause = check.Text("cause", Cause, 500), Solution = check.Text("solution", Solution, 2000),
                    LaborMinutes = check.Range("laborMinutes", LaborMinutes, 0, 10_000), SignaturePhotoId = Signature(check),
                };
                break;
            case "confirm":
                v = v with { SignaturePhotoId = Signature(check) };
                break;
            case "rate":
                v = v with { Score = check.Range("score", Score, 1, 5), Comment = check.Text("comment", Comment, 1000, required: false) };
                break;
            case "prioritize":
                v = v with { Priority = check.OneOf("priority", Priority, Priorities.All) };
                break;
        }
        check.ThrowIfAny();
        return v;
    }

    /// <summary>The customer's signature, drawn on screen and uploaded as a photo of kind "signature"; optional.</summary>
    private string? Signature(Check check)
    {
        var id = check.Text("signaturePhotoId", SignaturePhotoId, 40, required: false);
        if (id is not null && !Ids.LooksValid(id, "pho")) check.Add("signaturePhotoId", "is not a photo id.");
        return id;
    }
}
