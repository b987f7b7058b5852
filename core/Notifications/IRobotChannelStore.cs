namespace ServerlessService.Core.Notifications;

/// <summary>A group robot added through the API, as stored (the secret included).</summary>
public sealed record RobotChannel(string Name, string Kind, string Url, string? Secret, bool Enabled);

/// <summary>The group robots added through the API, by name.</summary>
public interface IRobotChannelStore
{
    Task<IReadOnlyList<RobotChannel>> ListAsync(CancellationToken ct);
    /// <summary>Creates or replaces the robot of that name.</summary>
    Task SaveAsync(RobotChannel robot, CancellationToken ct);
    /// <summary>False when there was no robot of that name.</summary>
    Task<bool> DeleteIfExistsAsync(string name, CancellationToken ct);
}
