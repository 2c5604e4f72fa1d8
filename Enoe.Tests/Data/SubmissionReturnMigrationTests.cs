using Enoe.Data.Assignments;
using Enoe.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Enoe.Tests.Data;

/// <summary>
/// CopyReturn became SubmissionReturn (glossary): the migration renames the table, no return is lost.
/// </summary>
[Trait("Database", "SqliteOnly")] // the SQLite migrations' own step; PostgreSQL's history starts after it
public sealed class SubmissionReturnMigrationTests
{
    [Fact]
    public async Task AReturnedCopy_IsStillThere_AsASubmissionReturn_AfterTheRename()
    {
        await SqliteMigration.RowsThroughAsync(
            "20261130081021_ServicesSwitchedOffByKey",
            // Only the returned copy matters here: its devoir and student are left out, foreign keys off.
            """
            PRAGMA foreign_keys = OFF;
            INSERT INTO CopyReturn (Id, AssignmentId, StudentId, Comment, FileId, ReturnedAt, ReturnedById)
            VALUES (7, 3, 5, 'Très bon travail.', NULL, '2026-11-20 17:00:00', 2);
            """,
            async db =>
            {
                var back = await db.Set<SubmissionReturn>().SingleAsync();
                Assert.Equal(
                    (7, 3, 5, "Très bon travail."),
                    (back.Id, back.AssignmentId, back.StudentId, back.Comment)
                );
                var indexes = await db
                    .Database.SqlQueryRaw<string>(
                        "SELECT name AS Value FROM sqlite_master WHERE tbl_name = 'SubmissionReturn' "
                            + "AND type = 'index' AND name LIKE 'IX_%' ORDER BY name"
                    )
                    .ToListAsync();
                Assert.Equal(
                    [
                        "IX_SubmissionReturn_AssignmentId_StudentId",
                        "IX_SubmissionReturn_FileId",
                        "IX_SubmissionReturn_StudentId",
                    ],
                    indexes
                );
            }
        );
    }
}
