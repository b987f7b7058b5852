using ServerlessService.Core.Common;

namespace ServerlessService.Core.Identity;

/// <summary>A console user: admin, dispatcher, warehouse keeper or manager.</summary>
public sealed record StaffAccount(string Username, string DisplayName, string Role, string PasswordHash, DateTimeOffset CreatedAt);

public sealed record StaffView(string Username, string DisplayName, string Role, DateTimeOffset CreatedAt)
{
    public static StaffView Of(StaffAccount a) => new(a.Username, a.DisplayName, a.Role, a.CreatedAt);
}

public sealed record StaffInput(string? Username, string? DisplayName, string? Role, string? Password)
{
    public const int MinPasswordLength = 10;

    public void Validate(Check check)
    {
        var u = check.Text("username", Username, 32, minLength: 3);
        if (u is not null && !u.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_'))
            check.Add("username", "may contain only lower-case letters, digits, '.', '-' and '_'.");
        check.Text("displayName", DisplayName ?? Username, 100);
        check.OneOf("role", Role, Roles.Staff);
        if (Password is null || Password.Length < MinPasswordLength) check.Add("password", $"must be at least {MinPasswordLength} characters.");
        else if (Password.Length > 128) check.Add("password", "must be at most 128 characters.");
    }
}

public sealed record SignIn(string Token, DateTimeOffset ExpiresAt, string Role, string Subject, string? CustomerId, string? EngineerId);

/// <summary>Turns a verified caller into a bearer token (JWT in the function app).</summary>
public interface ITokenIssuer
{
    /// <param name="expiresAt">An earlier expiry than the role's usual token lifetime (job links end with their link).</param>
    SignIn Issue(Caller caller, DateTimeOffset? expiresAt = null);
}
