using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using ServerlessService.Core.Common;

namespace ServerlessService.Core.Identity;

public sealed class StaffService(IStaffStore store, ITokenIssuer tokens, TimeProvider clock)
{
    private static readonly PasswordHasher<StaffAccount> Hasher = new();

    /// <summary>Same answer for an unknown user and a wrong password, so names cannot be probed.</summary>
    public async Task<SignIn?> LoginAsync(string? username, string? password, CancellationToken ct)
    {
        var check = new Check();
        var u = check.Text("username", username, 32)?.ToLowerInvariant();
        if (string.IsNullOrEmpty(password)) check.Add("password", "is required.");
        else if (password.Length > 128) check.Add("password", "must be at most 128 characters.");
        check.ThrowIfAny();
        var account = await store.GetIfExistsAsync(u!, ct);
        if (account is null || Hasher.VerifyHashedPassword(account, account.PasswordHash, password!) == PasswordVerificationResult.Failed)
            return null;
        return tokens.Issue(new Caller(account.Username, account.Role));
    }

    public async Task<StaffView> CreateAsync(Caller caller, StaffInput input, CancellationToken ct)
    {
        if (!caller.Can(Permission.ManageStaff)) throw new ForbiddenException("Only admins create staff accounts.");
        var check = new Check();
        input.Validate(check);
        check.ThrowIfAny();
        var account = await AddAsync(input.Username!.Trim(), (input.DisplayName ?? input.Username).Trim(), input.Role!.ToLowerInvariant(), input.Password!, ct)
            ?? throw new ConflictException("User name taken.", $"A staff account '{input.Username}' already exists.");
        return StaffView.Of(account);
    }

    public async Task<IReadOnlyList<StaffView>> ListAsync(Caller caller, CancellationToken ct)
    {
        if (!caller.Can(Permission.ManageStaff)) throw new ForbiddenException("Only admins list staff accounts.");
        return (await store.ListAsync(ct)).Select(StaffView.Of).ToList();
    }

    /// <summary>Creates "admin" on an empty store; returns the password it generated, or null when none was needed.</summary>
    public async Task<string?> EnsureAdminAsync(string? configuredPassword, CancellationToken ct)
    {
        if (await store.GetIfExistsAsync("admin", ct) is not null) return null;
        var password = string.IsNullOrEmpty(configuredPassword) ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') : configuredPassword;
        var added = await AddAsync("admin", "Administrator", Roles.Admin, password, ct);
        return added is not null && string.IsNullOrEmpty(configuredPassword) ? password : null;
    }

    public async Task<StaffAccount?> AddAsync(string username, string displayName, string role, string password, CancellationToken ct)
    {
        var draft = new StaffAccount(username.ToLowerInvariant(), displayName, role, "", clock.GetUtcNow());
        var account = draft with { PasswordHash = Hasher.HashPassword(draft, password) };
        return await store.TryAddAsync(account, ct) ? account : null;
    }
}
