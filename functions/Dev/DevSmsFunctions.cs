using Microsoft.AspNetCore.Http.HttpResults;
using ServerlessService.Core.Common;
using ServerlessService.Core.Sms;
using ServerlessService.Functions.Hosting;

namespace ServerlessService.Functions.Dev;

/// <summary>The local SMS channel's inbox, for developers and tests: admins only, and mapped only while the local channel is active.</summary>
public static class DevSmsFunctions
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/dev/sms", Read).WithTags("Development").RequireAuthorization(Policies.Admin);

    private static async Task<Ok<IReadOnlyList<SmsMessage>>> Read(string? to, string? max, LocalSmsChannel channel, CancellationToken ct)
    {
        var check = new Check();
        var e164 = check.Phone("to", to);
        var page = PageRequest.From(max, null);
        check.ThrowIfAny();
        return TypedResults.Ok(await channel.ReadAsync(e164!, page.Size, ct));
    }
}
