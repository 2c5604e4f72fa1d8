using Enoe.Data.Memos;
using Enoe.Data.Notifications;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// Unread counts (the badge, the bell, and every recipient's count in a mémo's event, which no tab sees until they
/// are read) come from their index alone: SQLite's plan for each says "COVERING INDEX", so a count costs nothing per
/// unread line's row however many a person has left unread.
/// </summary>
[Trait("Database", "SqliteOnly")] // the plan checked is SQLite's; PostgreSQL runs the same queries in its own tests
public sealed class UnreadCountsPlanTests : IAsyncLifetime
{
    private readonly CommandCounter _commands = new();
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s => s.AddSingleton<IInterceptor>(_commands));
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task TheSendAndTheBadgeAndTheBell_CountUnreadLinesFromTheIndexAlone()
    {
        _commands.Reset();
        await _database.SendStaffMemoToStudentAsync(_f, "Réunion parents-professeurs");
        var student = TwoSchools.As(_f.StudentA, _f.A);
        Assert.Equal(1, await _database.Get<MemoService>().UnreadCountAsync(student));
        Assert.Equal(1, await _database.Get<NotificationService>().UnreadCountAsync(_f.StudentA.Id));

        var plans = await QueryPlans.OfAsync(
            _database,
            _commands.Texts.Where(t => t.Contains("\"ReadAt\" IS NULL")).Distinct()
        );

        // Each table's unread index is used at least once (the send's count and the badge or bell), and never
        // through its rows.
        Assert.Contains(plans, line => line.Contains("IX_Notifications_RecipientId"));
        Assert.Contains(plans, line => line.Contains("IX_MemoRecipient_PersonId"));
        Assert.All(
            plans.Where(line => line.Contains("IX_Notifications_RecipientId") || line.Contains("IX_MemoRecipient_Pe")),
            line => Assert.Contains("COVERING INDEX", line)
        );
    }
}
