using Microsoft.Extensions.Options;

namespace ServerlessService.Core.Common;

public sealed class ServiceOptions
{
    /// <summary>IANA zone the business runs in: warranty dates and ticket numbers use its calendar day.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Public base URL of the portal, used in links sent by SMS.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";
}

/// <summary>The TimeProvider seen through the business time zone.</summary>
public sealed class BusinessClock(TimeProvider time, IOptions<ServiceOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);
}
