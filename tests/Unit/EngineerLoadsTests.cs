using ServerlessService.Core.Dispatch;
using ServerlessService.UnitTests.Fakes;

namespace ServerlessService.UnitTests;

public sealed class EngineerLoadsTests
{
    private const string Engineer = "eng-1";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly InMemoryEngineerLoadStore _store = new();
    private readonly EngineerLoads _loads;

    public EngineerLoadsTests() => _loads = new EngineerLoads(_store);

    [Fact]
    public async Task AJobIsRefusedAtCapacityUnlessADispatcherForcesIt()
    {
        Assert.True(await _loads.TryReserveAsync(Engineer, "t1", max: 2, force: false, Ct));
        Assert.True(await _loads.TryReserveAsync(Engineer, "t2", max: 2, force: false, Ct));
        Assert.False(await _loads.TryReserveAsync(Engineer, "t3", max: 2, force: false, Ct));
        Assert.True(await _loads.TryReserveAsync(Engineer, "t3", max: 2, force: true, Ct));

        Assert.Equal(3, (await _loads.AllAsync(Ct))[Engineer]);
    }

    [Fact]
    public async Task TakingOrReleasingTheSameJobTwiceCountsItOnce()
    {
        Assert.True(await _loads.TryReserveAsync(Engineer, "t1", max: 1, force: false, Ct));
        Assert.True(await _loads.TryReserveAsync(Engineer, "t1", max: 1, force: false, Ct));
        Assert.Equal(1, _store.CountOf(Engineer));

        await _loads.ReleaseAsync(Engineer, "t1", Ct);
        await _loads.ReleaseAsync(Engineer, "t1", Ct);
        await _loads.ReleaseAsync(Engineer, "never-reserved", Ct);

        Assert.Equal(0, _store.CountOf(Engineer));
        Assert.True(await _loads.TryReserveAsync(Engineer, "t2", max: 1, force: false, Ct));
    }

    [Fact]
    public async Task WhenAnotherDispatchTakesTheLastSlotFirstTheJobIsRefused()
    {
        Assert.True(await _loads.TryReserveAsync(Engineer, "t1", max: 2, force: false, Ct));
        _store.BeforeNextReserve = () => _store.ReserveFromElsewhere(Engineer, "t-other");

        Assert.False(await _loads.TryReserveAsync(Engineer, "t2", max: 2, force: false, Ct));
        Assert.Equal(2, _store.CountOf(Engineer));
    }
}
