namespace ServerlessService.Core.Storage;

/// <summary>The one list of tables (before the deployment's prefix); stored data depends on these names, never rename one.</summary>
public static class TableNames
{
    public const string Customers = "Customers";
    public const string Devices = "Devices";
    public const string Engineers = "Engineers";
    public const string Tickets = "Tickets";
    public const string TicketIndex = "TicketIndex";
    public const string Definitions = "Definitions";
    public const string SlaConfig = "SlaConfig";
    public const string Rules = "Rules";
    public const string EngineerLoad = "EngineerLoad";
    public const string EngineerLinks = "EngineerLinks";
    public const string Templates = "Templates";
    public const string Channels = "Channels";
    public const string Staff = "Staff";
    public const string Otps = "Otps";
    public const string Sms = "Sms";
    public const string Settings = "Settings";
    public const string Idempotency = "Idempotency";
    public const string Counters = "Counters";

    /// <summary>Every table, as <see cref="StorageAccount.EnsureCreatedAsync"/> creates them.</summary>
    public static readonly IReadOnlyList<string> All =
        [Customers, Devices, Engineers, Tickets, TicketIndex, Definitions, SlaConfig, Rules, EngineerLoad, EngineerLinks, Templates, Channels, Staff, Otps, Sms, Settings, Idempotency, Counters];
}
