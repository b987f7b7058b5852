using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServerlessService.Core.Common;
using ServerlessService.Core.Customers;
using ServerlessService.Core.Demo;
using ServerlessService.Core.Devices;
using ServerlessService.Core.Engineers;
using ServerlessService.Core.Identity;
using ServerlessService.Core.Photos;
using ServerlessService.Core.Sla;
using ServerlessService.Core.Sms;
using ServerlessService.Core.Storage;
using ServerlessService.Core.Tickets;

namespace ServerlessService.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>Domain services and their Azure Storage adapters; options are bound by the host.</summary>
    public static IServiceCollection AddServerlessServiceCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BusinessClock>();
        services.AddSingleton<StorageAccount>();
        services.AddSingleton<StorageProbe>();
        services.AddSingleton<ICustomerStore, TableCustomerStore>();
        services.AddSingleton<IDeviceStore, TableDeviceStore>();
        services.AddSingleton<IEngineerStore, TableEngineerStore>();
        services.AddSingleton<TicketIndex>();
        services.AddSingleton<ISlaStore, TableSlaStore>();
        services.AddSingleton<SlaService>();
        services.AddSingleton<Dispatch.IRuleStore, Dispatch.TableRuleStore>();
        services.AddSingleton<Dispatch.RuleService>();
        services.AddSingleton<Dispatch.IEngineerLoadStore, Dispatch.TableEngineerLoadStore>();
        services.AddSingleton<Dispatch.EngineerLoads>();
        services.AddSingleton<Dispatch.EngineerPool>();
        services.AddSingleton<Links.IEngineerLinkStore, Links.TableEngineerLinkStore>();
        services.AddSingleton<Links.EngineerLinkService>();
        services.AddSingleton<Notifications.ITemplateStore, Notifications.TableTemplateStore>();
        services.AddSingleton<Notifications.TemplateService>();
        services.AddSingleton<ITicketNumbers, TableTicketNumbers>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddSingleton<IPhotoStore, BlobPhotoStore>();
        services.AddSingleton<IStaffStore, TableStaffStore>();
        services.AddSingleton<IOtpStore, TableOtpStore>();
        services.AddSingleton<Secrets>();
        services.AddSingleton<LocalSmsChannel>();
        services.AddSingleton<Notifications.RobotClient>();
        services.AddSingleton<Notifications.IRobotChannelStore, Notifications.TableRobotChannelStore>();
        services.AddSingleton<Notifications.RobotChannels>();
        services.TryAddSingleton<ISmsChannel>(sp => sp.GetRequiredService<LocalSmsChannel>());
        services.AddSingleton<CustomerService>();
        services.AddSingleton<DeviceService>();
        services.AddSingleton<EngineerService>();
        services.AddSingleton<TicketService>();
        services.AddSingleton<ArchiveViews>();
        services.AddSingleton<PhotoService>();
        services.AddSingleton<StaffService>();
        services.AddSingleton<OtpService>();
        services.AddSingleton<DemoSeeder>();
        return services;
    }
}
