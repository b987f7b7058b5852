using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Common;
using ServerlessService.Core.Sms;
using ServerlessService.Api.Hosting;

namespace ServerlessService.Api.Dev;

/// <summary>The local SMS channel's inbox, for developers and tests: admins only, and mapped only while the local channel is active.</summary>
public static class DevSmsFunctions
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dev/sms", Read).WithTags("Development").RequirePermission(Permission.Operate);

    private static async Task<Ok<IReadOnlyList<SmsMessage>>> Read(string? to, string? max, LocalSmsChannel channel, CancellationToken ct)
    {
        var check = new Check();
        var e164 = check.Phone("to", to);
        var count = 50;
        if (max is not null && (!int.TryParse(max, out count) || count is < 1 or > PageRequest.MaxSize))
            check.Add("max", $"must be a whole number from 1 to {PageRequest.MaxSize}.");
        check.ThrowIfAny();
        return TypedResults.Ok(await channel.ReadAsync(e164!, count, ct));
    }
}
