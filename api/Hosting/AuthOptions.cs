namespace ServerlessService.Api.Hosting;

public sealed class AuthOptions
{
    public const string Issuer = "serverless-service";
    public TimeSpan StaffTokenLifetime { get; set; } = TimeSpan.FromHours(12);
    public TimeSpan PhoneTokenLifetime { get; set; } = TimeSpan.FromDays(7);
    /// <summary>Password for the "admin" account created on the first start of an empty store (ADMIN_PASSWORD).</summary>
    public string? AdminPassword { get; set; }
}
