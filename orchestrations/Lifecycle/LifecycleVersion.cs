namespace ServerlessService.Orchestrations.Lifecycle;

/// <summary>Names a published lifecycle definition; an instance keeps the version it started with.</summary>
public sealed record LifecycleVersion(string Name, int Version)
{
    public override string ToString() => $"{Name}@v{Version}";
}
