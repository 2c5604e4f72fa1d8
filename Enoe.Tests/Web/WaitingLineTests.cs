using Enoe.App.Hosting;
using Enoe.App.WaitingRoom;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Enoe.Tests.Web;

/// <summary>
/// The rentrée queue of one node: past its capacity or its pace, newcomers wait their turn, first come first in; no
/// one with a tab open waits; a place let in is kept for its page, then given up; a closed waiting page leaves the
/// line.
/// </summary>
public sealed class WaitingLineTests
{
    private readonly FakeTimeProvider _clock = new();
    private readonly CircuitLimitsOptions _limits = new() { Capacity = 2, AdmissionsPerSecond = 0 };
    private readonly CircuitTally _tally;
    private readonly WaitingLine _line;

    public WaitingLineTests()
    {
        var options = Options.Create(_limits);
        _tally = new CircuitTally(options);
        _line = new WaitingLine(_tally, options, _clock);
    }

    /// <summary>What a page does once its person is let in: opens its circuit, counted by the tally.</summary>
    private void OpenTab(string person)
    {
        Assert.Equal(CircuitRefusal.None, _tally.TryOpen(person, null));
        _line.Seated(person);
    }

    [Fact]
    public void WithNeitherCapacityNorPace_EveryoneIsLetIn_AndNothingIsKept()
    {
        _limits.Capacity = 0;
        for (var person = 0; person < 100; person++)
            Assert.True(_line.Enter($"{person}").In);
        Assert.False(_line.IsOn);
        Assert.Equal(0, _line.Waiting);
    }

    [Fact]
    public void PastTheCapacity_NewcomersWaitInTheOrderTheyCame_AndTheHeadIsNextWhenATabCloses()
    {
        OpenTab("a");
        OpenTab("b");

        Assert.Equal(new Place(false, 1, null), _line.Enter("c"));
        Assert.Equal(new Place(false, 2, null), _line.Enter("d"));
        Assert.Equal(1, _line.Enter("c").Position); // coming back keeps one's place
        _tally.Close("a", null);

        // d asks first, but the place is c's.
        Assert.Equal(new Place(false, 1, null), _line.Enter("d"));
        Assert.True(_line.Enter("c").In);
        Assert.Equal(1, _line.Waiting);
    }

    [Fact]
    public void SomeoneWithATabOpen_NeverWaits_EvenPastTheCapacity()
    {
        OpenTab("a");
        OpenTab("b");

        Assert.True(_line.Enter("a").In); // a second tab, a reload
        Assert.False(_line.Enter("c").In);
    }

    [Fact]
    public void APlaceLetIn_IsKeptForItsPage_ThenGivenUpIfItNeverOpens()
    {
        OpenTab("a");
        Assert.True(_line.Enter("b").In); // the last place, kept for b's page
        Assert.False(_line.Enter("c").In);
        Assert.True(_line.Enter("b").In); // b's second request while their page opens

        _clock.Advance(WaitingLine.SeatKept + TimeSpan.FromSeconds(2));

        Assert.True(_line.Enter("c").In); // b never opened a tab: the place went to the head of the line
        Assert.False(_line.Enter("b").In);
    }

    [Fact]
    public void AnOpenedTab_TakesTheSeatsPlace_NotASecondOne()
    {
        OpenTab("a");
        Assert.True(_line.Enter("b").In);
        OpenTab("b");
        _clock.Advance(WaitingLine.SeatKept + TimeSpan.FromSeconds(2));

        Assert.False(_line.Enter("c").In); // two tabs, the capacity: b's seat did not free a third place
        _tally.Close("b", null);
        Assert.True(_line.Enter("c").In);
    }

    [Fact]
    public void AWaitingPageClosed_LeavesTheLine_AndThoseBehindMoveUp()
    {
        OpenTab("a");
        OpenTab("b");
        Assert.Equal(1, _line.Enter("c").Position);
        Assert.Equal(2, _line.Enter("d").Position);
        Assert.Equal(3, _line.Enter("e").Position);

        // d and e's pages come back; c's was closed.
        for (var waited = TimeSpan.Zero; waited <= WaitingLine.TicketKept; waited += TimeSpan.FromSeconds(20))
        {
            _clock.Advance(TimeSpan.FromSeconds(20));
            _line.Enter("d");
            _line.Enter("e");
        }

        Assert.Equal(1, _line.Enter("d").Position);
        Assert.Equal(2, _line.Enter("e").Position);
        Assert.Equal(3, _line.Enter("c").Position); // back at the end
    }

    [Fact]
    public void PositionsMoveUpAsTheHeadIsLetIn_BetweenTwoSweeps()
    {
        _limits.Capacity = 4;
        for (var person = 0; person < 4; person++)
            OpenTab($"{person}");
        for (var person = 10; person < 15; person++)
            Assert.Equal(person - 9, _line.Enter($"{person}").Position);

        _tally.Close("0", null);
        _tally.Close("1", null);

        Assert.True(_line.Enter("10").In);
        Assert.True(_line.Enter("11").In);
        Assert.Equal(new[] { 1, 2, 3 }, new[] { "12", "13", "14" }.Select(p => _line.Enter(p).Position));
    }

    [Fact]
    public void ThePace_LetsAFifthOfASecondsWorthInAtOnce_ThenOneEveryOneOverTheRate()
    {
        _limits.Capacity = 0;
        _limits.AdmissionsPerSecond = 10;

        Assert.True(_line.Enter("a").In);
        Assert.True(_line.Enter("b").In);
        Assert.Equal(1, _line.Enter("c").Position);
        Assert.Equal(2, _line.Enter("d").Position);

        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(_line.Enter("c").In);
        Assert.False(_line.Enter("d").In);
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(_line.Enter("d").In);
    }

    [Fact]
    public void TheEstimate_FollowsThePaceTheLineMovedAt()
    {
        _limits.Capacity = 0;
        _limits.AdmissionsPerSecond = 1;
        Assert.True(_line.Enter("first").In);
        for (var person = 0; person < 30; person++)
            Assert.Null(_line.Enter($"{person}").Wait); // nobody let in from the line yet

        // One let in from the line each second, for ten seconds.
        for (var second = 0; second < 10; second++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            Assert.True(_line.Enter($"{second}").In);
        }

        var place = _line.Enter("29");
        Assert.Equal(20, place.Position);
        Assert.InRange(place.Wait!.Value.TotalSeconds, 19, 21);
    }

    [Fact]
    public void APlaceLetInAtTheDoor_CarriesItsPersonToTheirPage_AndIsKeptWhileTheySignIn()
    {
        OpenTab("a");
        Assert.True(_line.EnterTheDoor("pass-b").In); // the last place, to a browser not signed in yet
        Assert.False(_line.EnterTheDoor("pass-c").In);
        _clock.Advance(WaitingLine.SeatKept + TimeSpan.FromSeconds(2)); // typing a password takes a while
        Assert.False(_line.EnterTheDoor("pass-c").In);

        Assert.True(_line.Enter("b", pass: "pass-b").In); // signed in, on to the dashboard without waiting again
        Assert.False(_line.Enter("c").In); // the place went with its pass, not to a second person
        OpenTab("b");
        _tally.Close("a", null);
        Assert.True(_line.EnterTheDoor("pass-c").In);
    }

    [Fact]
    public void ADoorPlaceNeverUsed_IsGivenUp()
    {
        OpenTab("a");
        Assert.True(_line.EnterTheDoor("pass-b").In);
        Assert.Equal(1, _line.Enter("c").Position);

        // c's waiting page keeps coming back; b never signs in.
        for (var waited = TimeSpan.Zero; waited <= WaitingLine.DoorSeatKept; waited += TimeSpan.FromSeconds(30))
        {
            Assert.False(_line.Enter("c").In);
            _clock.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.True(_line.Enter("c").In);
        Assert.False(_line.Enter("b", pass: "pass-b").In);
    }
}
