using Enoe.Data.People;
using Enoe.Data.Structure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Enoe.Data.Privacy;

/// <summary>
/// Writes down who opened a student's marks, booklet, copies or record, for the family's "Mes données" page. Called
/// with one line from each read path, on the read's own context, after its rights check. Everyone else is logged,
/// their teachers included (a teacher's own class grid, a copy they download): the student and their responsables are
/// not (it is theirs). A reader is logged at most once an hour per student and kind, so a refresh or a live update
/// does not flood the log. A failure is logged and never fails the read.
/// </summary>
public static class AccessLog
{
    /// <summary>Within this window, a second reading by the same person of the same thing adds nothing.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public static Task RecordAsync(
        EnoeDbContext db,
        TimeProvider clock,
        CurrentUser reader,
        int studentId,
        PersonalDataKind kind,
        CancellationToken ct
    ) => RecordAsync(db, clock, reader, [studentId], kind, ct);

    /// <summary>
    /// A view of a whole class (the marks grid or its CSV, the copies): one entry per student shown, each with the
    /// student's établissement and the reader's function there, written in one statement.
    /// </summary>
    public static async Task RecordAsync(
        EnoeDbContext db,
        TimeProvider clock,
        CurrentUser reader,
        IReadOnlyCollection<int> studentIds,
        PersonalDataKind kind,
        CancellationToken ct
    )
    {
        var me = reader.PersonId;
        var students = studentIds.Where(s => s != me).Distinct().ToList();
        if (students.Count == 0)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Window;
        var added = new List<DataAccessEntry>();
        try
        {
            // One query: the students this reader answers for, or already logged within the hour, are left out.
            var skip = await db
                .Guardianships.Where(g => g.ParentId == me && students.Contains(g.StudentId))
                .Select(g => g.StudentId)
                .Concat(
                    db.Set<DataAccessEntry>()
                        .Where(e => e.ReaderId == me && e.Kind == kind && e.At >= since)
                        .Where(e => students.Contains(e.StudentId))
                        .Select(e => e.StudentId)
                )
                .ToListAsync(ct);
            students.RemoveAll(skip.Contains);
            if (students.Count == 0)
                return;
            var functions = await ReaderFunctions.OfAsync(db, reader, students, ct);
            added.AddRange(
                students.Select(s => new DataAccessEntry
                {
                    StudentId = s,
                    SchoolId = functions[s].SchoolId,
                    Kind = kind,
                    ReaderId = me,
                    ReaderName = Truncate(reader.DisplayName, 200),
                    ReaderFunction = Truncate(functions[s].Function, 120),
                    At = now,
                })
            );
            db.AddRange(added);
            await db.SaveChangesAsync(ct); // one batched INSERT for the whole class
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.GetService<ILoggerFactory>()
                .CreateLogger(typeof(AccessLog))
                .LogWarning(e, "Could not log a reading of {Kind} by {Reader}", kind, me);
        }
        finally
        {
            // The read's context goes on as it was (its own rows are not tracked after this).
            foreach (var entry in added)
                db.Entry(entry).State = EntityState.Detached;
        }
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
