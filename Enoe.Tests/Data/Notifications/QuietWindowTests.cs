using Enoe.Data.Common;
using Enoe.Data.Notifications;

namespace Enoe.Tests.Data.Notifications;

/// <summary>The right to disconnect's arithmetic, in the académie's time (Paris, winter: UTC+1).</summary>
public sealed class QuietWindowTests
{
    private static DateTime Paris(int month, int day, int hour, int minute = 0) =>
        DateTime.SpecifyKind(SchoolTime.ToUtc(new DateTime(2026, month, day, hour, minute, 0)), DateTimeKind.Utc);

    // 4 December 2026 is a Friday, 7 December a Monday.
    [Theory]
    [InlineData(12, 1, 21, 12, 2, 7)] // Tuesday night: Wednesday morning
    [InlineData(12, 2, 3, 12, 2, 7)] // after midnight
    [InlineData(12, 4, 21, 12, 7, 7)] // Friday night: Monday morning
    [InlineData(12, 5, 15, 12, 7, 7)] // Saturday afternoon
    [InlineData(12, 6, 23, 12, 7, 7)] // Sunday night
    public void ReleaseAt_InTheWindow_IsItsEnd(int month, int day, int hour, int endMonth, int endDay, int endHour)
    {
        Assert.Equal(Paris(endMonth, endDay, endHour), QuietWindow.Default.ReleaseAt(Paris(month, day, hour)));
        Assert.True(QuietWindow.Default.IsQuiet(Paris(month, day, hour)));
    }

    [Theory]
    [InlineData(12, 1, 7)]
    [InlineData(12, 4, 19)]
    [InlineData(12, 7, 10)]
    public void ReleaseAt_OutsideTheWindow_IsNow(int month, int day, int hour) =>
        Assert.Equal(Paris(month, day, hour), QuietWindow.Default.ReleaseAt(Paris(month, day, hour)));

    [Fact]
    public void ParentsSeeMarks_ADayLater_OutOfTheWindow()
    {
        Assert.Equal(Paris(12, 8, 10), QuietWindow.Default.ParentsSeeMarkAt(Paris(12, 7, 10)));
        Assert.Equal(Paris(12, 7, 7), QuietWindow.Default.ParentsSeeMarkAt(Paris(12, 4, 19)));
        var sameDay = QuietWindow.Default with { ParentMarkDelayHours = 0 };
        Assert.Equal(Paris(12, 7, 10), sameDay.ParentsSeeMarkAt(Paris(12, 7, 10)));
    }

    [Fact]
    public void ALiftedDay_DeliversAtOnce_ThroughItsNight()
    {
        var trip = QuietWindow.Default with
        {
            Exceptions = [new(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1), "Voyage à Rome")],
        };
        Assert.False(trip.IsQuiet(Paris(12, 1, 22)));
        Assert.False(trip.IsQuiet(Paris(12, 2, 3))); // the night that began on the lifted day
        Assert.True(trip.IsQuiet(Paris(12, 2, 21))); // the next evening is quiet again
        Assert.Equal(Paris(12, 3, 7), trip.ReleaseAt(Paris(12, 2, 21)));
    }

    [Fact]
    public void WithoutTheWeekend_SaturdayIsAnOrdinaryDay()
    {
        var open = QuietWindow.Default with { Weekend = false };
        Assert.Equal(Paris(12, 5, 7), open.ReleaseAt(Paris(12, 4, 21)));
        Assert.False(open.IsQuiet(Paris(12, 5, 15)));
    }
}
