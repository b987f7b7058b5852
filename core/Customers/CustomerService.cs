using ServerlessService.Core.Common;

namespace ServerlessService.Core.Customers;

public sealed class CustomerService(ICustomerStore store, TimeProvider clock)
{
    public async Task<Customer> CreateAsync(Caller caller, CustomerInput input, CancellationToken ct)
    {
        RequireArchiveEditor(caller);
        var v = input.Validate();
        var now = clock.GetUtcNow();
        var customer = new Customer(Ids.New("cus"), v.Name, v.Phone, v.Tier, v.Address, false, now, now, v.Language);
        if (!await store.TryAddAsync(customer, ct)) throw PhoneTaken(v.Phone);
        return customer;
    }

    public async Task<Customer> GetAsync(Caller caller, string id, CancellationToken ct) => (await ReadVisibleAsync(caller, id, ct)).Value;

    public async Task<Customer> UpdateAsync(Caller caller, string id, CustomerInput input, CancellationToken ct)
    {
        var stored = await ReadVisibleAsync(caller, id, ct);
        if (!caller.Can(Permission.EditArchive) && !caller.IsCustomer(id)) throw new ForbiddenException("Only dispatchers and admins change customer records.");
        var v = input.Validate();
        var current = stored.Value;
        if (!caller.Can(Permission.EditArchive))
        {
            if (v.Tier != current.Tier) throw new ForbiddenException("A customer cannot change their own tier.");
            if (v.Phone != current.Phone) throw new ForbiddenException("Your phone number is your sign-in; ask the service desk to change it.");
        }
        var updated = current with { Name = v.Name, Phone = v.Phone, Tier = v.Tier, Address = v.Address, Language = v.Language, UpdatedAt = clock.GetUtcNow() };
        if (!await store.TryUpdateAsync(current, updated, stored.Version, ct)) throw PhoneTaken(v.Phone);
        return updated;
    }

    public async Task<Paged<Customer>> SearchAsync(Caller caller, string? phone, string? namePrefix, PageRequest page, CancellationToken ct)
    {
        if (!caller.Can(Permission.ReadAll)) throw new ForbiddenException("Only staff search customers.");
        if (phone is null)
        {
            if (namePrefix is { Length: > 100 }) throw ValidationFailedException.For("name", "must be at most 100 characters.");
            return await store.ListAsync(namePrefix, page, ct);
        }
        var check = new Check();
        var e164 = check.Phone("phone", phone);
        check.ThrowIfAny();
        var id = await store.FindIdByPhoneAsync(e164!, ct);
        var found = id is null ? null : await store.GetIfExistsAsync(id, ct);
        return new Paged<Customer>(found is null ? [] : [found.Value], null);
    }

    /// <summary>A phone that signs in for the first time becomes a self-registered customer.</summary>
    public async Task<Customer> FindOrRegisterByPhoneAsync(string e164, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var id = await store.FindIdByPhoneAsync(e164, ct);
            if (id is not null && await store.GetIfExistsAsync(id, ct) is { } existing) return existing.Value;
            var now = clock.GetUtcNow();
            var customer = new Customer(Ids.New("cus"), e164, e164, CustomerTiers.Standard, null, true, now, now);
            if (await store.TryAddAsync(customer, ct)) return customer;
        }
        throw new ConflictException("Sign-in raced with another.", "Try again.");
    }

    private async Task<Stored<Customer>> ReadVisibleAsync(Caller caller, string id, CancellationToken ct)
    {
        if (!caller.Can(Permission.ReadAll) && !caller.IsCustomer(id)) throw new NotFoundException("Customer", id);
        return await store.GetIfExistsAsync(id, ct) ?? throw new NotFoundException("Customer", id);
    }

    private static void RequireArchiveEditor(Caller caller)
    {
        if (!caller.Can(Permission.EditArchive)) throw new ForbiddenException("Only dispatchers and admins create customer records.");
    }

    private static ConflictException PhoneTaken(string phone) =>
        new("Phone number already in use.", $"Another customer record already has the phone {Phones.Mask(phone)}.");
}
