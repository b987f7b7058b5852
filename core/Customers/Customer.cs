using ServerlessService.Core.Common;

namespace ServerlessService.Core.Customers;

/// <summary>A customer record (客户档案).</summary>
public sealed record Customer(
    string Id,
    string Name,
    string Phone,
    string Tier,
    Address? Address,
    bool SelfRegistered,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Language = null);

public static class CustomerTiers
{
    public const string Standard = "standard";
    public static readonly string[] All = [Standard, "vip", "strategic"];
}
