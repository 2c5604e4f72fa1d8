using Enoe.Data;
using Enoe.Data.Bookings;
using Enoe.Data.Logbook;
using Enoe.Data.People;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enoe.Bench.Circuits;

/// <summary>The event a run measures (<c>--event=</c>): a mémo by default.</summary>
internal enum LiveEvent
{
    Memo,
    Carnet,
    Devoir,
    Booking,
}

/// <summary>
/// What the carnet, devoir and booking runs need in the demo before any instance starts (bench-only seeding): one
/// class holding every student signed in, so that one entry or devoir reaches them all, or a resource whose bookings
/// wait for one teacher's decision.
/// </summary>
internal static class EventPreparation
{
    /// <summary>The widget that shows the event on a student's dashboard, which it must then hold.</summary>
    public static string? StudentWidget(LiveEvent live) =>
        live switch
        {
            LiveEvent.Carnet => "my-logbook",
            LiveEvent.Devoir => "assignments-due",
            _ => null,
        };

    /// <summary>
    /// A teacher whose first class or group on the carnet and devoir pages (the one their forms start on) is a class;
    /// every chosen student is moved into that class, out of their own. Returns the teacher's user name.
    /// </summary>
    public static async Task<string> GatherClassAsync(
        IServiceProvider provider,
        int schoolId,
        IReadOnlyList<int> students
    )
    {
        var dbFactory = provider.GetRequiredService<IDbContextFactory<EnoeDbContext>>();
        var logbook = provider.GetRequiredService<LogbookService>();
        foreach (var teacher in await TeachersAsync(dbFactory, schoolId))
        {
            var audiences = await logbook.AudiencesAsync(teacher.User);
            if (audiences.FirstOrDefault()?.SchoolClassId is not int classId)
                continue;
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.Enrolments.Where(e => students.Contains(e.StudentId)).ExecuteDeleteAsync();
            db.AddRange(students.Select(s => new Enrolment { StudentId = s, SchoolClassId = classId }));
            await db.SaveChangesAsync();
            Console.Error.WriteLine(
                $"{students.Count} students gathered in {audiences[0].Name}, {teacher.UserName}'s."
            );
            return teacher.UserName;
        }
        throw new InvalidOperationException("No teacher of the collège starts their carnet on a class.");
    }

    /// <summary>
    /// A room needing approval, managed by one teacher (who then decides only its bookings: the demo's others wait
    /// for the direction), and <paramref name="count"/> pending bookings of it by another teacher, on the coming
    /// school days; the booker's dashboard is brought to 8 widgets with "Mes réservations".
    /// </summary>
    public static async Task<(string Manager, string Booker)> PendingBookingsAsync(
        IServiceProvider provider,
        int schoolId,
        int count,
        Func<CurrentUser, Task> fillDashboard
    )
    {
        var dbFactory = provider.GetRequiredService<IDbContextFactory<EnoeDbContext>>();
        var teachers = await TeachersAsync(dbFactory, schoolId);
        var (manager, booker) = (teachers[0], teachers[1]);
        int resourceId;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            var resource = new BookableResource
            {
                SchoolId = schoolId,
                Category = new ResourceCategory { SchoolId = schoolId, Name = "Banc d'essai" },
                Name = "Salle du banc d'essai",
                NeedsApproval = true,
                ManagerId = manager.User.PersonId,
            };
            db.Add(resource);
            await db.SaveChangesAsync();
            resourceId = resource.Id;
        }
        var bookings = provider.GetRequiredService<BookingService>();
        var day = DateOnly.FromDateTime(DateTime.Today);
        for (var made = 0; made < count; )
        {
            day = day.AddDays(1);
            if (day > DateOnly.FromDateTime(DateTime.Today).AddDays(120))
                throw new InvalidOperationException($"Only {made} of {count} bookings could be made.");
            var request = new BookingRequest(resourceId, day, new(10, 0), new(11, 0));
            if ((await bookings.BookAsync(booker.User, request)).Succeeded)
                made++; // weekends and holidays are refused
        }
        await fillDashboard(booker.User);
        return (manager.UserName, booker.UserName);
    }

    private static async Task<List<(CurrentUser User, string UserName)>> TeachersAsync(
        IDbContextFactory<EnoeDbContext> dbFactory,
        int schoolId
    )
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var rows = await db
            .Memberships.Where(m => m.SchoolId == schoolId && m.Profiles == Profile.Teacher)
            .OrderBy(m => m.PersonId)
            .Select(m => new
            {
                m.PersonId,
                m.Person!.UserName,
                Name = m.Person.FirstName + " " + m.Person.LastName,
            })
            .ToListAsync();
        return [.. rows.Select(r => (new CurrentUser(r.PersonId, r.Name, schoolId, Profile.Teacher), r.UserName!))];
    }
}
