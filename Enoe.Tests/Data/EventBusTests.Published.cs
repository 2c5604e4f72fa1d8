using System.Diagnostics.Metrics;
using Enoe.Data.Diagnostics;
using Enoe.Data.Events;
using Enoe.Data.Logbook;
using Enoe.Tests.Support;

namespace Enoe.Tests.Data;

public sealed partial class EventBusTests
{
    /// <summary>An event of its own, so that other tests publishing meanwhile do not count.</summary>
    private sealed record MeteredProbe(int N);

    [Fact]
    public async Task PublishedAndDeliveredEvents_AreCounted_ByEventType()
    {
        var counted = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == EnoeMetrics.MeterName)
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>(
            (instrument, value, tags, _) =>
            {
                foreach (var tag in tags)
                    if (tag is { Key: "event", Value: nameof(MeteredProbe) })
                        lock (counted)
                            counted[instrument.Name] = counted.GetValueOrDefault(instrument.Name) + value;
            }
        );
        listener.Start();
        await using var bus = NewBus();
        using var one = bus.Subscribe<MeteredProbe>(_ => Task.CompletedTask);
        using var two = bus.Subscribe<MeteredProbe>(_ => Task.CompletedTask);
        using var three = bus.Subscribe<MeteredProbe>(_ => Task.CompletedTask);

        await bus.PublishAsync(new MeteredProbe(1));
        await bus.PublishAsync(new MeteredProbe(2));
        await bus.WhenIdleAsync().WaitAsync(Patience);

        Assert.Equal(2, counted["enoe.events.published"]);
        Assert.Equal(6, counted["enoe.events.delivered"]);
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
                lock (changed)
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
        await database.DeliveredAsync();
        Assert.Equal(f.ClassA.Id, Assert.Single(changed).SchoolClassId);
    }
}
