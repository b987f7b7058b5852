using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ServerlessService.Core.Common;
using ServerlessService.Core.Customers;
using ServerlessService.Core.Engineers;
using ServerlessService.Core.Sms;

namespace ServerlessService.Core.Identity;

/// <summary>SMS one-time codes (短信验证码) for customers and engineers: six digits, five minutes, five tries.</summary>
public sealed class OtpService(
    IOtpStore store, ISmsChannel sms, CustomerService customers, IEngineerStore engineers, ITokenIssuer tokens,
    IOptions<OtpOptions> options, TimeProvider clock)
{
    private readonly OtpOptions _o = options.Value;

    public async Task<string> RequestAsync(string? phone, CancellationToken ct)
    {
        var e164 = ValidPhone(phone);
        var now = clock.GetUtcNow();
        var stored = await store.GetIfExistsAsync(e164, ct);
        var state = stored?.Value;
        if (state is not null && now - state.LastSentAt < _o.ResendAfter)
            throw new TooManyRequestsException("A code was sent to this number moments ago; wait before asking again.", _o.ResendAfter - (now - state.LastSentAt));
        var windowOpen = state is not null && now - state.WindowStart < TimeSpan.FromHours(1);
        if (windowOpen && state!.SendsInWindow >= _o.MaxSendsPerHour)
            throw new TooManyRequestsException("Too many codes for this number this hour.", state.WindowStart.AddHours(1) - now);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        var salt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var next = new OtpState(Hash(code, salt), salt, now + _o.CodeLifetime, 0,
            windowOpen ? state!.WindowStart : now, windowOpen ? state!.SendsInWindow + 1 : 1, now);
        if (!await store.TrySaveAsync(e164, next, stored?.Version, ct))
            throw new TooManyRequestsException("A code is being sent to this number right now.", _o.ResendAfter);
        var minutes = (int)_o.CodeLifetime.TotalMinutes;
        try
        {
            await sms.SendAsync(e164, $"【售后服务】验证码 {code}，{minutes} 分钟内有效，请勿告诉他人。Your verification code is {code}, valid for {minutes} minutes.", ct);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException)
        {
            throw new ServiceUnavailableException("The SMS service is not reachable right now; try again in a minute.");
        }
        return e164;
    }

    /// <summary>role: "customer" or "engineer"; when left out, an engineer's phone signs in as the engineer.</summary>
    public async Task<SignIn> VerifyAsync(string? phone, string? code, string? role, CancellationToken ct)
    {
        var check = new Check();
        var e164 = check.Phone("phone", phone);
        if (code is null || code.Length != 6 || !code.All(char.IsAsciiDigit)) check.Add("code", "must be the six digits from the SMS.");
        var asRole = role is null ? null : check.OneOf("role", role, [Roles.Customer, Roles.Engineer]);
        check.ThrowIfAny();
        await ConsumeAsync(e164!, code!, ct);
        return tokens.Issue(await ResolveAsync(e164!, asRole, ct));
    }

    private async Task ConsumeAsync(string e164, string code, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var stored = await store.GetIfExistsAsync(e164, ct);
            var state = stored?.Value;
            if (state is null || state.CodeHash.Length == 0 || clock.GetUtcNow() > state.ExpiresAt)
                throw ValidationFailedException.For("code", "has expired or was never sent; ask for a new code.");
            if (state.Attempts >= _o.MaxAttempts)
                throw ValidationFailedException.For("code", "was entered wrongly too many times; ask for a new code.");
            if (CryptographicOperations.FixedTimeEquals(Convert.FromHexString(state.CodeHash), Convert.FromHexString(Hash(code, state.Salt))))
            {
                // Spent: the row stays for the send counters but holds no code any more.
                if (await store.TrySaveAsync(e164, state with { CodeHash = "", Attempts = _o.MaxAttempts }, stored!.Version, ct)) return;
                continue;
            }
            var left = _o.MaxAttempts - state.Attempts - 1;
            if (await store.TrySaveAsync(e164, state with { Attempts = state.Attempts + 1 }, stored!.Version, ct))
                throw ValidationFailedException.For("code", left > 0 ? $"is wrong; {left} tries left." : "is wrong; no tries left, ask for a new code.");
        }
        throw new ConflictException("Code verification raced.", "Try again.");
    }

    private async Task<Caller> ResolveAsync(string e164, string? role, CancellationToken ct)
    {
        var engineerId = await engineers.FindIdByPhoneAsync(e164, ct);
        if (role == Roles.Engineer || (role is null && engineerId is not null))
        {
            if (engineerId is null) throw new ForbiddenException("No engineer has this phone number.");
            return new Caller(engineerId, Roles.Engineer, EngineerId: engineerId);
        }
        var customer = await customers.FindOrRegisterByPhoneAsync(e164, ct);
        return new Caller(customer.Id, Roles.Customer, CustomerId: customer.Id);
    }

    private static string ValidPhone(string? phone)
    {
        var check = new Check();
        var e164 = check.Phone("phone", phone);
        check.ThrowIfAny();
        return e164!;
    }

    private static string Hash(string code, string salt) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(salt + ":" + code)));
}
