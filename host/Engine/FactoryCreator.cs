using DurableTask.Core;

namespace ServerlessService.Host.Engine;

/// <summary>
/// Registers an orchestration or activity on <see cref="TaskHubWorker"/> by name with a factory: a fresh object
/// (a fresh shim) per work item, so nothing is shared between executions.
/// </summary>
public sealed class FactoryCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public FactoryCreator(string name, Func<T> create)
    {
        Name = name;
        Version = "";
        _create = create;
    }

    public override T Create() => _create();
}
