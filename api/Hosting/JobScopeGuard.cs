using System.Text.RegularExpressions;

namespace ServerlessService.Api.Hosting;

/// <summary>
/// A token from a job link is good for its one ticket: reading it, its timeline and photos, its actions and their outcomes — and
/// for /api/auth/me. Anything else answers 403, whatever the endpoint's own policy would allow an engineer.
/// </summary>
public static partial class JobScopeGuard
{
    public static IApplicationBuilder UseJobScope(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var job = http.User.FindFirst(CallerClaims.TicketScope)?.Value;
        var path = http.Request.Path.Value ?? "";
        if (job is null || path == "/api/auth/me" || TicketPath().Match(path) is { Success: true } m && m.Groups[1].Value == job)
        {
            await next(http);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(statusCode: 403, title: "Not allowed.", detail: "This sign-in comes from a job link and is good only for that job.").ExecuteAsync(http);
    });

    [GeneratedRegex("^/api/tickets/([^/]+)(/[a-z-]+|/actions/[^/]+)?/?$")]
    private static partial Regex TicketPath();
}
