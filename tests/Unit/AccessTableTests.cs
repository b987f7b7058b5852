using ServerlessService.Core.Common;
using ServerlessService.Core.Tickets;

namespace ServerlessService.UnitTests;

/// <summary>The role × permission table as docs/api.md states it.</summary>
public sealed class AccessTableTests
{
    [Theory]
    [InlineData(Roles.Admin, "ReadAll,EditArchive,WorkTickets,EditDispatchRules,EditSlaConfiguration,ManageStaff,ManageNotifications,PublishLifecycle,Operate")]
    [InlineData(Roles.Dispatcher, "ReadAll,EditArchive,WorkTickets,EditDispatchRules")]
    [InlineData(Roles.Manager, "ReadAll,EditSlaConfiguration")]
    [InlineData(Roles.Warehouse, "ReadAll")]
    [InlineData(Roles.Customer, "")]
    [InlineData(Roles.Engineer, "")]
    [InlineData("root", "")]
    public void EachRoleHoldsExactlyItsPermissions(string role, string expected)
    {
        var held = Enum.GetValues<Permission>().Where(p => new Caller("someone", role).Can(p)).Select(p => p.ToString());
        Assert.Equal(expected, string.Join(",", held));
    }

    [Fact]
    public void EndpointPoliciesGetTheSameRolesAsTheTable()
    {
        Assert.Equal([Roles.Admin, Roles.Dispatcher], Access.RolesWith(Permission.WorkTickets));
        Assert.Equal([Roles.Admin, Roles.Manager], Access.RolesWith(Permission.EditSlaConfiguration));
        Assert.Equal([Roles.Admin], Access.RolesWith(Permission.ManageStaff));
    }

    [Theory]
    [InlineData("P1", "P3")]
    [InlineData("P2", "P3")]
    [InlineData("P3", "P3")]
    [InlineData("P4", "P4")]
    public void ACustomersUrgencyIsCappedAtP3(string asked, string counted) =>
        Assert.Equal(counted, Priorities.AtMost(asked, Priorities.CustomerHighest));
}
