using Enoe.App.AcademyDirectory;

namespace Enoe.Tests.Web;

public class NightlySyncTests
{
    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso + "Z").ToUniversalTime();

    [Theory]
    [InlineData("2026-11-30T00:00:00", "2026-11-30T01:30:00")] // 01:00 in Paris (winter, UTC+1): tonight 02:30
    [InlineData("2026-11-30T01:30:00", "2026-12-01T01:30:00")] // exactly 02:30: the next night, not again now
    [InlineData("2026-11-29T23:00:00", "2026-11-30T01:30:00")] // midnight in Paris: tonight
    [InlineData("2026-06-15T00:00:00", "2026-06-15T00:30:00")] // summer (UTC+2)
    [InlineData("2027-03-28T00:00:00", "2027-03-28T01:30:00")] // clocks go forward at 02:00: 02:30 is 03:30
    [InlineData("2026-10-25T00:00:00", "2026-10-25T01:30:00")] // clocks go back at 03:00: 02:30 once
    public void The_sync_runs_at_the_scheduled_time_of_the_académie_s_clock(string now, string expected) =>
        Assert.Equal(Utc(expected), NightlySync.NextRun(Utc(now), new TimeOnly(2, 30)));

    [Fact]
    public void After_the_night_clocks_go_back_the_next_run_is_the_next_night() =>
        Assert.Equal(Utc("2026-10-26T01:30:00"), NightlySync.NextRun(Utc("2026-10-25T01:30:00"), new TimeOnly(2, 30)));

    [Theory]
    [InlineData("02:30", 2, 30)]
    [InlineData("2:30", 2, 30)]
    [InlineData(" 23:05 ", 23, 5)]
    public void A_schedule_reads_hours_and_minutes(string schedule, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), NightlySync.ParseSchedule(schedule));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_schedule_means_on_demand_only(string? schedule) => Assert.Null(NightlySync.ParseSchedule(schedule));

    [Theory]
    [InlineData("25:00")]
    [InlineData("2h30")]
    [InlineData("0 2 * * *")]
    public void A_schedule_it_cannot_read_stops_the_app_at_start_up(string schedule)
    {
        var error = Assert.Throws<InvalidOperationException>(() => NightlySync.ParseSchedule(schedule));
        Assert.Contains("Enoe:Directory:Schedule", error.Message);
    }
}
