using Enoe.Data.Timetable;

namespace Enoe.Tests.Data.Timetable;

public sealed class SchoolWeeksTests
{
    private static readonly DateOnly WeekA = new(2026, 8, 31);

    [Fact]
    public void Weeks_Alternate_FromWeekA_HolidayWeeksNotCounted()
    {
        var weeks = new SchoolWeeks(WeekA, [("Toussaint", new(2026, 10, 17), new(2026, 11, 1))]);

        Assert.Equal(WeekPattern.A, weeks.KindOf(new(2026, 9, 2)));
        Assert.Equal(WeekPattern.B, weeks.KindOf(new(2026, 9, 11)));
        Assert.Equal(WeekPattern.A, weeks.KindOf(new(2026, 10, 12)));
        Assert.Null(weeks.KindOf(new(2026, 10, 21))); // the holiday weeks have none
        Assert.Null(weeks.KindOf(new(2026, 10, 28)));
        Assert.Equal(WeekPattern.B, weeks.KindOf(new(2026, 11, 2))); // after the A of 12 October
        Assert.Equal(WeekPattern.B, weeks.KindOf(new(2026, 8, 26))); // the week before week A
        Assert.Equal("Toussaint", weeks.HolidayOn(new(2026, 10, 17)));
        Assert.Null(weeks.HolidayOn(new(2026, 11, 2)));
    }

    [Fact]
    public void AHolidayOfAFewDays_DoesNotStopTheWeekCounting()
    {
        var weeks = new SchoolWeeks(WeekA, [("Armistice", new(2026, 11, 11), new(2026, 11, 11))]);

        Assert.Equal(WeekPattern.A, weeks.KindOf(new(2026, 11, 9)));
        Assert.Equal(WeekPattern.B, weeks.KindOf(new(2026, 11, 16)));
    }

    [Fact]
    public void WithoutWeekA_TheRentreeWeekIsOne()
    {
        Assert.Equal(new DateOnly(2026, 8, 31), SchoolWeeks.DefaultWeekA(new(2026, 11, 20)));
        Assert.Equal(new DateOnly(2026, 8, 31), SchoolWeeks.DefaultWeekA(new(2027, 3, 2)));
        Assert.Equal(new DateOnly(2027, 8, 30), SchoolWeeks.DefaultWeekA(new(2027, 8, 20)));
    }

    [Fact]
    public void ALessonMeets_OnItsDay_WithinItsDates_OnItsWeeks_OutsideHolidays()
    {
        var weeks = new SchoolWeeks(WeekA, [("Armistice", new(2026, 11, 11), new(2026, 11, 11))]);
        var lesson = new Lesson
        {
            Day = DayOfWeek.Wednesday,
            Weeks = WeekPattern.A,
            From = new(2026, 9, 1),
            To = new(2026, 12, 18),
        };

        Assert.True(weeks.Meets(lesson, new(2026, 11, 25)));
        Assert.False(weeks.Meets(lesson, new(2026, 11, 11))); // Armistice, in a week A
        Assert.False(weeks.Meets(lesson, new(2026, 11, 18))); // week B
        Assert.False(weeks.Meets(lesson, new(2026, 11, 26))); // Thursday
        Assert.False(weeks.Meets(lesson, new(2027, 1, 6))); // after its last day
    }

    [Fact]
    public void TheNextSchoolDay_SkipsTheWeekEnd_AndTheHolidays()
    {
        var weeks = new SchoolWeeks(
            WeekA,
            [("Armistice", new(2026, 11, 11), new(2026, 11, 11)), ("Noël", new(2026, 12, 19), new(2027, 1, 3))]
        );

        Assert.Equal(new DateOnly(2026, 11, 24), weeks.NextSchoolDay(new(2026, 11, 23))); // Monday → Tuesday
        Assert.Equal(new DateOnly(2026, 11, 30), weeks.NextSchoolDay(new(2026, 11, 27))); // Friday → Monday
        Assert.Equal(new DateOnly(2026, 11, 30), weeks.NextSchoolDay(new(2026, 11, 28))); // Saturday → Monday
        Assert.Equal(new DateOnly(2026, 11, 12), weeks.NextSchoolDay(new(2026, 11, 10))); // over the Armistice
        Assert.Equal(new DateOnly(2027, 1, 4), weeks.NextSchoolDay(new(2026, 12, 18))); // the first day back
        Assert.False(weeks.IsSchoolDay(new(2026, 12, 21)));
        Assert.True(weeks.IsSchoolDay(new(2027, 1, 4)));
    }
}
