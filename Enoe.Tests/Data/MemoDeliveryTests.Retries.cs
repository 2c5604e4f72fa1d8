using Enoe.Data.Memos;

namespace Enoe.Tests.Data;

// A mémo whose delivery keeps failing is tried again, less and less often, without holding the others back.
public sealed partial class MemoDeliveryTests
{
    [Fact]
    public async Task AMemoThatFailsAgain_DoesNotHoldBackTheOnesAfterIt()
    {
        var (older, newer) = (await SendFailingAsync(), await SendFailingAsync());
        _copies.Armed = true; // the older one fails again

        Assert.Equal(1, await Memos.DeliverLeftoversAsync(TimeSpan.Zero));
        Assert.Equal((0, 0), await CopiesAndNoticesAsync(older));
        Assert.Equal((2, 2), await CopiesAndNoticesAsync(newer));

        _database.Clock.Advance(MemoService.FirstRetry); // left alone until then
        Assert.Equal(1, await Memos.DeliverLeftoversAsync(TimeSpan.Zero));
        Assert.Equal((2, 2), await CopiesAndNoticesAsync(older));
    }

    [Fact]
    public async Task AMemoThatKeepsFailing_IsTriedLessAndLessOften_AndNeverTakesTheSweepsPlace()
    {
        var (older, newer) = (await SendFailingAsync(), await SendFailingAsync());
        async Task<int> SweepOneAsync() => await Memos.DeliverLeftoversAsync(TimeSpan.Zero, max: 1);

        _copies.Armed = true;
        Assert.Equal(0, await SweepOneAsync()); // the older one failed again in the sweep's one place
        Assert.Equal(1, await SweepOneAsync()); // then waits its turn: the newer one goes through
        Assert.Equal((2, 2), await CopiesAndNoticesAsync(newer));
        Assert.Equal(0, await SweepOneAsync());

        _database.Clock.Advance(MemoService.FirstRetry);
        _copies.Armed = true;
        Assert.Equal(0, await SweepOneAsync()); // tried again, failed a second time: now it waits twice as long
        _database.Clock.Advance(MemoService.FirstRetry);
        Assert.Equal(0, await SweepOneAsync());
        Assert.Equal((0, 0), await CopiesAndNoticesAsync(older));
        _database.Clock.Advance(MemoService.FirstRetry);
        Assert.Equal(1, await SweepOneAsync());
        Assert.Equal((2, 2), await CopiesAndNoticesAsync(older));
    }
}
