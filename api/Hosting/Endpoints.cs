using ServerlessService.Api.Auth;
using ServerlessService.Api.Customers;
using ServerlessService.Api.Dev;
using ServerlessService.Api.Devices;
using ServerlessService.Host.Engineers;
using ServerlessService.Api.Health;
using ServerlessService.Api.Links;
using ServerlessService.Api.Notifications;
using ServerlessService.Api.Ops;
using ServerlessService.Api.Sla;
using ServerlessService.Api.Tickets;

namespace ServerlessService.Api.Hosting;

/// <summary>Every HTTP function of the app. Each group states who may call it.</summary>
public static class Endpoints
{
    public static void Map(IEndpointRouteBuilder app, bool localSms)
    {
        HealthFunctions.Map(app);
        AuthFunctions.Map(app);
        StaffFunctions.Map(app);
        CustomerFunctions.Map(app);
        DeviceFunctions.Map(app);
        EngineerFunctions.Map(app);
        TicketFunctions.Map(app);
        PhotoFunctions.Map(app);
        TicketActionFunctions.Map(app);
        RuleFunctions.Map(app);
        EngineerLinkFunctions.Map(app);
        TemplateFunctions.Map(app);
        ChannelFunctions.Map(app);
        CalendarFunctions.Map(app);
        SlaPolicyFunctions.Map(app);
        LifecycleFunctions.Map(app);
        InstanceFunctions.Map(app);
        if (localSms) DevSmsFunctions.Map(app);
    }
}
