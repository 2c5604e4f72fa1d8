using System.Text;
using Enoe.Data.Database;
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
        try
        {
            if (await UnloggedAsync(db, me, students, kind, since, ct) is not { Count: > 0 } unlogged)
                return; // a refresh, a live update: nothing to write, nothing locked
            // Two readings at once (two tabs, a grid and its export) would both find nothing and both write: the
            // writers take turns on the reader's row and look again. (The read paths call this on a context of their
            // own, in no transaction.)
            await using var turn = await db.BeginTurnAsync<Person>(me, ct);
            students = await UnloggedAsync(db, me, unlogged, kind, since, ct);
            if (students.Count == 0)
                return;
            var functions = await ReaderFunctions.OfAsync(db, reader, students, ct);
            var name = Truncate(reader.DisplayName, 200);
            foreach (var chunk in students.Chunk(RowsPerStatement))
                await InsertAsync(
                    db,
                    chunk.Select(s =>
                        (object[])
                            [
                                s,
                                functions[s].SchoolId is int school ? school : DBNull.Value,
                                (int)kind,
                                me,
                                name,
                                Truncate(functions[s].Function, 120),
                                now,
                            ]
                    ),
                    ct
                );
            await turn.CommitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            db.GetService<ILoggerFactory>()
                .CreateLogger(typeof(AccessLog))
                .LogWarning(e, "Could not log a reading of {Kind} by {Reader}", kind, me);
        }
    }

    /// <summary>
    /// Of <paramref name="students"/>, those the reader neither answers for nor read within the hour (one query).
    /// </summary>
    private static async Task<List<int>> UnloggedAsync(
        EnoeDbContext db,
        int me,
        List<int> students,
        PersonalDataKind kind,
        DateTime since,
        CancellationToken ct
    )
    {
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
        return [.. students.Where(s => !skip.Contains(s))];
    }

    /// <summary>Far under either database's limit on parameters (7 a row).</summary>
    private const int RowsPerStatement = 1000;

    // EF would send one INSERT per row on SQLite (a class: 30 statements); one statement, both databases alike.
    private static Task InsertAsync(EnoeDbContext db, IEnumerable<object[]> rows, CancellationToken ct)
    {
        var sql = new StringBuilder(
            """
            INSERT INTO "DataAccessLog"
                ("StudentId", "SchoolId", "Kind", "ReaderId", "ReaderName", "ReaderFunction", "At")
            VALUES
            """
        );
        var values = new List<object>();
        foreach (var row in rows)
        {
            var n = values.Count;
            sql.Append(n == 0 ? " " : ", ").Append('(');
            sql.AppendJoin(", ", row.Select((_, i) => $"{{{n + i}}}")).Append(')');
            values.AddRange(row);
        }
        return db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
