namespace ServerlessService.Core.Identity;

public sealed class OtpOptions
{
    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);
    public int MaxAttempts { get; set; } = 5;
    /// <summary>A phone gets a new code at most this often.</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromSeconds(60);
    /// <summary>And at most this many codes per hour.</summary>
    public int MaxSendsPerHour { get; set; } = 5;
}
