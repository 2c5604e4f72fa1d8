using System.Data.Common;
using Enoe.Data.Events;
using Enoe.Data.Grades;
using Enoe.Data.Notifications;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Tests.Data;

/// <summary>
/// A change that carries its notifications (a mémo, a carnet entry's homework, marks published) is made once it is
/// published: its event goes as it is when nothing is visible yet, and even when counting the notifications throws.
/// </summary>
public sealed class PublishCarryingTests : IAsyncLifetime
{
    private readonly FailingReads _failing = new();
    private TestDatabase _database = default!;
    private TwoSchools _f = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(configure: s => s.AddSingleton<IInterceptor>(_failing));
        _f = await TwoSchools.CreateAsync(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task TheChange_CarriesWhatIsVisible_GoesAsItIsWithoutIt_AndGoesWhenCountingThrows()
    {
        var now = _database.Clock.GetUtcNow().UtcDateTime;

        var carrying = await PublishedAsync(() => PublishAsync(Notice(now)));
        var held = await PublishedAsync(() => PublishAsync(Notice(now.AddHours(1)))); // nothing to deliver yet
        _failing.On = true;
        var failed = await PublishedAsync(() =>
            Assert.ThrowsAsync<NotSupportedException>(() => PublishAsync(Notice(now)))
        );

        Assert.Single(carrying.Delivered!.LinesFor(_f.StudentA.Id)!);
        Assert.Null(held.Delivered);
        Assert.Null(failed.Delivered);
    }

    /// <summary>The one event <paramref name="act"/> published, once every subscriber heard it.</summary>
    private async Task<GradesChanged> PublishedAsync(Func<Task> act)
    {
        using var heard = new Heard<GradesChanged>(_database.Get<IEventBus>());
        await act();
        await _database.DeliveredAsync();
        return Assert.Single(heard.Events);
    }

    private Task PublishAsync(NewNotification notice) =>
        _database
            .Get<NotificationService>()
            .PublishCarryingAsync(
                new GradesChanged(1, _f.A.Id),
                [notice],
                (e, delivered) => e with { Delivered = delivered }
            );

    private NewNotification Notice(DateTime visibleAt) =>
        new(
            _f.StudentA.Id,
            _f.A.Id,
            _f.StudentA.Id,
            NotificationKind.MarksPublished,
            "Mathématiques : Contrôle",
            "/notes",
            GradeService.Source(1),
            visibleAt
        );

    /// <summary>
    /// Reads that fail with what the delivery does not expect, once on. Not a timeout: PostgreSQL's retrying strategy
    /// takes one as transient and the delivery then catches what it ends with.
    /// </summary>
    private sealed class FailingReads : DbCommandInterceptor
    {
        public volatile bool On;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command,
            CommandEventData eventData,
            InterceptionResult<DbDataReader> result,
            CancellationToken ct = default
        ) =>
            On
                ? throw new NotSupportedException("no answer")
                : base.ReaderExecutingAsync(command, eventData, result, ct);
    }
}
