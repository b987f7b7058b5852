using ServerlessService.Core.Common;
using ServerlessService.Core.Customers;
using ServerlessService.Core.Devices;
using ServerlessService.Core.Engineers;
using ServerlessService.Core.Identity;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Core.Demo;

/// <summary>Demo data for a newcomer's first look: only written into a store that has no customers yet.</summary>
public sealed class DemoSeeder(
    StaffService staff, CustomerService customers, ICustomerStore customerStore, DeviceService devices, EngineerService engineers,
    TicketService tickets, SlaService sla, BusinessClock clock)
{
    public const string StaffPassword = "demo-pass-2026";
    public static readonly string[] StaffUsers = ["dispatcher", "manager", "warehouse"];
    public const string CustomerPhone = "+8613800138002";
    public const string EngineerPhone = "+8613900139001";

    private static readonly Caller Seeder = new("demo-seed", Roles.Admin);

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct)
    {
        if ((await customerStore.ListAsync(null, new PageRequest(1, null), ct)).Items.Count > 0) return false;
        foreach (var user in StaffUsers) await staff.AddAsync(user, DisplayName(user), user, StaffPassword, ct);
        await DemoSla.SeedAsync(sla, Seeder, ct);

        var hospital = await customers.CreateAsync(Seeder, new CustomerInput("上海浦东医院设备科", "+8613800138001", "vip",
            new Address("310115", "上海市浦东新区张衡路 528 号", 31.2049, 121.5985)), ct);
        var wang = await customers.CreateAsync(Seeder, new CustomerInput("王女士", CustomerPhone, "standard",
            new Address("310104", "上海市徐汇区漕溪北路 88 号 1201 室", 31.1915, 121.4365)), ct);
        var factory = await customers.CreateAsync(Seeder, new CustomerInput("杭州精工机械有限公司", "+8613800138003", "strategic",
            new Address("330106", "杭州市西湖区文三路 90 号", 30.2775, 120.1323)), ct);

        var today = clock.Today;
        await devices.CreateAsync(Seeder, new DeviceInput("CH-2024-0001", "CoolMax 300", "chiller", hospital.Id, null, today.AddYears(-1), today.AddYears(2)), ct);
        await devices.CreateAsync(Seeder, new DeviceInput("AC-2023-0002", "AirPro 75", "air-compressor", wang.Id, null, today.AddYears(-2), today.AddDays(20)), ct);
        await devices.CreateAsync(Seeder, new DeviceInput("AC-2019-0003", "AirPro 55", "air-compressor", factory.Id, null, today.AddYears(-6), today.AddYears(-3)), ct);

        var lead = await engineers.CreateAsync(Seeder, new EngineerInput("王建国", "+8613900139003",
            [new Skill("chiller", 5), new Skill("air-compressor", 5)], ["310115", "310104", "330106"], new GeoPoint(31.2304, 121.4737), 2, true, null), ct);
        await engineers.CreateAsync(Seeder, new EngineerInput("张伟", EngineerPhone,
            [new Skill("chiller", 4), new Skill("air-compressor", 2)], ["310115", "310104"], new GeoPoint(31.2200, 121.5400), 4, true, lead.Id), ct);
        await engineers.CreateAsync(Seeder, new EngineerInput("李娜", "+8613900139002",
            [new Skill("air-compressor", 3)], ["310104", "330106"], new GeoPoint(30.2741, 120.1551), 3, true, lead.Id), ct);

        await tickets.SubmitAsync(new Caller(wang.Id, Roles.Customer, CustomerId: wang.Id),
            new TicketInput("AC-2023-0002", "noise", "空压机运行时有异常噪音，压力上不去。", "P2", null, null, null), null, ct);
        return true;
    }

    private static string DisplayName(string user) => user switch
    {
        "dispatcher" => "调度员 Dispatcher",
        "manager" => "主管 Manager",
        _ => "库管员 Warehouse",
    };
}
