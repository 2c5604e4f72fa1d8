using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enoe.Data.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReportedHalfDayOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: a half-day reported twice before the index keeps one row, the furthest justified
            // (accepted, then waiting, then refused, then none; the first of equals): no family's justification lost.
            const string rankOfB =
                "(CASE b.\"Justification\" WHEN 2 THEN 3 WHEN 1 THEN 2 WHEN 3 THEN 1 ELSE 0 END)";
            const string rankOfA =
                "(CASE \"Absence\".\"Justification\" WHEN 2 THEN 3 WHEN 1 THEN 2 WHEN 3 THEN 1 ELSE 0 END)";
            migrationBuilder.Sql(
                "DELETE FROM \"Absence\" WHERE \"LessonId\" IS NULL AND EXISTS (SELECT 1 FROM \"Absence\" b "
                    + "WHERE b.\"LessonId\" IS NULL AND b.\"StudentId\" = \"Absence\".\"StudentId\" "
                    + "AND b.\"Date\" = \"Absence\".\"Date\" AND b.\"StartsAt\" = \"Absence\".\"StartsAt\" "
                    + $"AND ({rankOfB} > {rankOfA} OR ({rankOfB} = {rankOfA} AND b.\"Id\" < \"Absence\".\"Id\")))"
            );
            migrationBuilder.CreateIndex(
                name: "IX_Absence_Reported",
                table: "Absence",
                columns: new[] { "StudentId", "Date", "StartsAt" },
                unique: true,
                filter: "\"LessonId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Absence_Reported",
                table: "Absence");
        }
    }
}
