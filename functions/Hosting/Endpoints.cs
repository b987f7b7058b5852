using ServerlessService.Functions.Auth;
using ServerlessService.Functions.Customers;
using ServerlessService.Functions.Dev;
using ServerlessService.Functions.Devices;
using ServerlessService.Functions.Engineers;
using ServerlessService.Functions.Health;
using ServerlessService.Functions.Links;
using ServerlessService.Functions.Notifications;
using ServerlessService.Functions.Ops;
using ServerlessService.Functions.Sla;
using ServerlessService.Functions.Tickets;

namespace ServerlessService.Functions.Hosting;

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
