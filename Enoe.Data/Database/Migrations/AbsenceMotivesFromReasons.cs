using Microsoft.EntityFrameworkCore.Migrations;

namespace Enoe.Data.Database.Migrations;

/// <summary>
/// Moves absences from ENOE's fixed motives (an enum stored by number, 1 to 6) to each établissement's own list: the
/// établissements that used one get the default list, and each absence its motive of that list. Written once for both
/// databases (quoted names, <c>true</c>/<c>false</c> read by SQLite and PostgreSQL alike); frozen with the
/// migration that runs it.
/// </summary>
internal static class AbsenceMotivesFromReasons
{
    /// <summary>The former enum's motives, at their numbers, then the one it lacked.</summary>
    private static readonly string[] Rows =
    [
        "1 AS p, 'Maladie' AS n, true AS a", // the first row names the columns: SQLite takes no list after an alias
        "2, 'Rendez-vous médical', true",
        "3, 'Raison familiale', true",
        "4, 'Problème de transport', true",
        "5, 'Examen ou convocation officielle', true",
        "6, 'Autre motif', true",
        "7, 'Convenance personnelle', false",
    ];

    /// <summary>Runs after the column <c>Reason</c> became <c>MotiveId</c>, before its foreign key exists.</summary>
    public static void Up(MigrationBuilder migration)
    {
        var defaults = string.Join(" UNION ALL ", Rows.Select(r => "SELECT " + r));
        migration.Sql(
            "INSERT INTO \"AbsenceMotive\" (\"SchoolId\", \"Position\", \"Name\", \"Admissible\", \"Archived\") "
                + "SELECT s.\"Id\", d.p, d.n, d.a, false FROM \"Schools\" s "
                + $"CROSS JOIN ({defaults}) AS d "
                + "WHERE EXISTS (SELECT 1 FROM \"Absence\" b "
                + "WHERE b.\"SchoolId\" = s.\"Id\" AND b.\"MotiveId\" IS NOT NULL)"
        );
        migration.Sql(
            "UPDATE \"Absence\" SET \"MotiveId\" = (SELECT m.\"Id\" FROM \"AbsenceMotive\" m "
                + "WHERE m.\"SchoolId\" = \"Absence\".\"SchoolId\" AND m.\"Position\" = \"Absence\".\"MotiveId\") "
                + "WHERE \"MotiveId\" IS NOT NULL"
        );
    }
}
