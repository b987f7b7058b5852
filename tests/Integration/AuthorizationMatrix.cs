namespace ServerlessService.IntegrationTests;

/// <summary>Every kind of caller the authorization matrix test signs in.</summary>
public enum Who { Anonymous, CustomerA, CustomerB, Engineer, OtherEngineer, JobLink, Warehouse, Manager, Dispatcher, Admin }

/// <summary>
/// The expected allow list of every endpoint, written by hand from the role × action table in docs/api.md (never from
/// the code under test). Customer A owns the device and the tickets; the ticket is assigned to Engineer and closed;
/// JobLink holds the token of that ticket's job link. "Allowed" means the answer is not 401, 403 or 404.
/// </summary>
public static class AuthorizationMatrix
{
    /// <summary>The ids the paths are filled with, made by the test's setup.</summary>
    public sealed record Data(
        string CustomerA, string SerialA, string Engineer, string Ticket, string ActionId, string LinkCode,
        string Rule, string Calendar, string Policy);

    /// <summary>One endpoint as OpenAPI names it, the concrete path to call, who may call it, and the body to send.</summary>
    public sealed record Row(string Method, string Template, string Path, Who[] Allowed, RowBody Body = RowBody.EmptyJson, bool MissingIsAllowed = false);

    public enum RowBody { EmptyJson, None, PhotoForm }

    public static readonly Who[] Anyone = Enum.GetValues<Who>();
    public static readonly Who[] SignedIn = Anyone.Except([Who.Anonymous]).ToArray();
    /// <summary>Open endpoints: anyone, except that a job-link token is good only for its ticket (and /api/auth/me).</summary>
    public static readonly Who[] Open = Anyone.Except([Who.JobLink]).ToArray();
    public static readonly Who[] Staff = [Who.Warehouse, Who.Manager, Who.Dispatcher, Who.Admin];
    public static readonly Who[] Editors = [Who.Dispatcher, Who.Admin];
    public static readonly Who[] SlaEditors = [Who.Manager, Who.Admin];
    public static readonly Who[] Admin = [Who.Admin];
    public static readonly Who[] TicketReaders = [Who.CustomerA, Who.Engineer, Who.JobLink, .. Staff];

    private static Who[] With(Who[] set, params Who[] more) => [.. set, .. more];

    /// <summary>The lifecycle's API actions and who takes them: the assignee's steps, the customer's, staff's; dispatchers and admins may act in either's place.</summary>
    public static readonly IReadOnlyDictionary<string, Who[]> Actions = new Dictionary<string, Who[]>
    {
        ["assign"] = Editors,
        ["prioritize"] = Editors,
        ["accept"] = With(Editors, Who.Engineer, Who.JobLink),
        ["decline"] = With(Editors, Who.Engineer, Who.JobLink),
        ["depart"] = With(Editors, Who.Engineer, Who.JobLink),
        ["arrive"] = With(Editors, Who.Engineer, Who.JobLink),
        ["pause"] = With(Editors, Who.Engineer, Who.JobLink),
        ["resume"] = With(Editors, Who.Engineer, Who.JobLink),
        ["resolve"] = With(Editors, Who.Engineer, Who.JobLink),
        ["confirm"] = With(Editors, Who.CustomerA),
        ["reject-resolution"] = With(Editors, Who.CustomerA),
        ["rate"] = With(Editors, Who.CustomerA),
        ["cancel"] = With(Editors, Who.CustomerA),
        ["reopen"] = With(Editors, Who.CustomerA),
    };

    public static IReadOnlyList<Row> Rows(Data d) =>
    [
        new("GET", "/api/health", "/api/health", Open),
        new("POST", "/api/auth/login", "/api/auth/login", Open),
        new("POST", "/api/auth/otp", "/api/auth/otp", Open),
        new("POST", "/api/auth/otp/verify", "/api/auth/otp/verify", Open),
        new("GET", "/api/auth/me", "/api/auth/me", SignedIn),
        new("POST", "/api/engineer-links/{code}", $"/api/engineer-links/{d.LinkCode}", Open),
        new("GET", "/api/dev/sms", "/api/dev/sms", Admin),

        new("POST", "/api/staff", "/api/staff", Admin),
        new("GET", "/api/staff", "/api/staff", Admin),

        new("POST", "/api/customers", "/api/customers", Editors),
        new("GET", "/api/customers", "/api/customers", Staff),
        new("GET", "/api/customers/{id}", $"/api/customers/{d.CustomerA}", With(Staff, Who.CustomerA)),
        new("PUT", "/api/customers/{id}", $"/api/customers/{d.CustomerA}", With(Editors, Who.CustomerA)),

        new("POST", "/api/devices", "/api/devices", Editors),
        new("GET", "/api/devices", "/api/devices", With(Staff, Who.CustomerA, Who.CustomerB)),
        new("GET", "/api/devices/{serialNumber}", $"/api/devices/{d.SerialA}", With(Staff, Who.CustomerA)),
        new("PUT", "/api/devices/{serialNumber}", $"/api/devices/{d.SerialA}", With(Editors, Who.CustomerA)),

        new("POST", "/api/engineers", "/api/engineers", Editors),
        new("GET", "/api/engineers", "/api/engineers", Staff),
        new("GET", "/api/engineers/workload", "/api/engineers/workload", Staff),
        new("GET", "/api/engineers/{id}", $"/api/engineers/{d.Engineer}", With(Staff, Who.Engineer)),
        new("PUT", "/api/engineers/{id}", $"/api/engineers/{d.Engineer}", With(Editors, Who.Engineer)),
        new("PUT", "/api/engineers/{id}/on-duty", $"/api/engineers/{d.Engineer}/on-duty", With(Editors, Who.Engineer)),

        new("POST", "/api/tickets", "/api/tickets", With(Editors, Who.CustomerA, Who.CustomerB)),
        new("GET", "/api/tickets", "/api/tickets", With(Staff, Who.CustomerA, Who.CustomerB, Who.Engineer, Who.OtherEngineer)),
        new("GET", "/api/tickets/{id}", $"/api/tickets/{d.Ticket}", TicketReaders),
        new("GET", "/api/tickets/{id}/timeline", $"/api/tickets/{d.Ticket}/timeline", TicketReaders),
        new("GET", "/api/tickets/{id}/actions/{actionId}", $"/api/tickets/{d.Ticket}/actions/{d.ActionId}", TicketReaders),
        new("GET", "/api/tickets/{id}/photos", $"/api/tickets/{d.Ticket}/photos", TicketReaders),
        new("POST", "/api/tickets/{id}/photos", $"/api/tickets/{d.Ticket}/photos", With(Editors, Who.Engineer, Who.JobLink), RowBody.PhotoForm),
        new("GET", "/api/tickets/{id}/dispatch", $"/api/tickets/{d.Ticket}/dispatch", Staff),
        new("GET", "/api/tickets/{id}/messages", $"/api/tickets/{d.Ticket}/messages", Staff),
        .. Actions.Select(a => new Row("POST", "/api/tickets/{id}/{action}", $"/api/tickets/{d.Ticket}/{a.Key}", a.Value)),

        new("POST", "/api/rules", "/api/rules", Editors),
        new("GET", "/api/rules", "/api/rules", Staff),
        new("GET", "/api/rules/{id}", $"/api/rules/{d.Rule}", Staff),
        new("PUT", "/api/rules/{id}", $"/api/rules/{d.Rule}", Editors),
        new("DELETE", "/api/rules/{id}", "/api/rules/rul-doesnotexist0000000000", Editors, RowBody.None, MissingIsAllowed: true),

        new("GET", "/api/notification-templates", "/api/notification-templates", Staff),
        new("PUT", "/api/notification-templates/{event}/{language}", "/api/notification-templates/engineer-job/en", Admin),
        new("DELETE", "/api/notification-templates/{event}/{language}", "/api/notification-templates/engineer-job/en", Admin, RowBody.None),
        new("POST", "/api/notification-templates/{event}/{language}/preview", "/api/notification-templates/engineer-job/en/preview", Staff),
        new("GET", "/api/notification-channels", "/api/notification-channels", Admin),
        new("PUT", "/api/notification-channels/{name}", "/api/notification-channels/matrix", Admin),
        new("DELETE", "/api/notification-channels/{name}", "/api/notification-channels/matrix", Admin, RowBody.None, MissingIsAllowed: true),

        new("POST", "/api/calendars", "/api/calendars", SlaEditors),
        new("GET", "/api/calendars", "/api/calendars", Staff),
        new("GET", "/api/calendars/{id}", $"/api/calendars/{d.Calendar}", Staff),
        new("PUT", "/api/calendars/{id}", $"/api/calendars/{d.Calendar}", SlaEditors),
        new("GET", "/api/calendars/{id}/due", $"/api/calendars/{d.Calendar}/due", Staff),
        new("POST", "/api/sla/policies", "/api/sla/policies", SlaEditors),
        new("GET", "/api/sla/policies", "/api/sla/policies", Staff),
        new("GET", "/api/sla/policies/{id}", $"/api/sla/policies/{d.Policy}", Staff),
        new("PUT", "/api/sla/policies/{id}", $"/api/sla/policies/{d.Policy}", SlaEditors),

        new("GET", "/api/lifecycle/versions", "/api/lifecycle/versions", Staff),
        new("GET", "/api/lifecycle/versions/{version}", "/api/lifecycle/versions/1", Staff),
        new("POST", "/api/lifecycle/versions", "/api/lifecycle/versions", Admin),
        new("POST", "/api/lifecycle/versions/check", "/api/lifecycle/versions/check", Admin),

        new("GET", "/api/ops/instances", "/api/ops/instances", Admin),
        new("POST", "/api/ops/instances/{id}/retry", $"/api/ops/instances/{d.Ticket}/retry", Admin),
    ];
}
