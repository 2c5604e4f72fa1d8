using Enoe.Data.Events;
using Enoe.Data.Logbook;
using Enoe.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enoe.Tests.Data;

public sealed class EventBusTests
{
    [Fact]
    public async Task Subscribers_ReceiveEvents_UntilTheyUnsubscribe()
    {
        var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        var received = new List<int>();
        var subscription = bus.Subscribe<LogbookChanged>(e =>
        {
            received.Add(e.EntryId);
            return Task.CompletedTask;
        });
        await bus.PublishAsync(new LogbookChanged(1, 1, 10, null));
        subscription.Dispose();
        await bus.PublishAsync(new LogbookChanged(2, 1, 10, null));
        Assert.Equal([1], received);
    }

    [Fact]
    public async Task AFailingSubscriber_DoesNotStopTheOthers()
    {
        var bus = new InProcessEventBus(NullLogger<InProcessEventBus>.Instance);
        var reached = false;
        using var broken = bus.Subscribe<LogbookChanged>(_ => throw new InvalidOperationException("closed circuit"));
        using var working = bus.Subscribe<LogbookChanged>(_ =>
        {
            reached = true;
            return Task.CompletedTask;
        });
        await bus.PublishAsync(new LogbookChanged(1, 1, 10, null));
        Assert.True(reached);
    }

    [Fact]
    public async Task SavingAnEntry_PublishesWhichClassChanged()
    {
        await using var database = await TestDatabase.CreateAsync();
        var f = await TwoSchools.CreateAsync(database);
        var changed = new List<LogbookChanged>();
        using var _ = database
            .Get<IEventBus>()
            .Subscribe<LogbookChanged>(e =>
            {
                changed.Add(e);
                return Task.CompletedTask;
            });
        await using (var db = database.NewContext())
        {
            var maths = new Enoe.Data.Structure.Subject
            {
                SchoolId = f.A.Id,
                Code = "M",
                Name = "Maths",
            };
            db.TeachingAssignments.Add(
                new Enoe.Data.Structure.TeachingAssignment
                {
                    TeacherId = f.TeacherA.Id,
                    Subject = maths,
                    SchoolClassId = f.ClassA.Id,
                }
            );
            await db.SaveChangesAsync();
            var saved = await database
                .Get<LogbookService>()
                .SaveAsync(
                    TwoSchools.As(f.TeacherA, f.A),
                    new LogbookDraft
                    {
                        SchoolClassId = f.ClassA.Id,
                        SubjectId = maths.Id,
                        SessionDate = new(2026, 11, 23),
                        StartsAt = new(8, 0),
                        EndsAt = new(9, 0),
                        Content = "Cours",
                    }
                );
            Assert.True(saved.Succeeded);
        }
        Assert.Equal(f.ClassA.Id, Assert.Single(changed).SchoolClassId);
    }
}
