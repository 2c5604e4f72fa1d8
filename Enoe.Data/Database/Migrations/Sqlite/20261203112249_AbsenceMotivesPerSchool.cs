using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enoe.Data.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AbsenceMotivesPerSchool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "Reason",
                table: "Absence",
                newName: "MotiveId");

            migrationBuilder.CreateTable(
                name: "AbsenceMotive",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Admissible = table.Column<bool>(type: "INTEGER", nullable: false),
                    Archived = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AbsenceMotive", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AbsenceMotive_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            AbsenceMotivesFromReasons.Up(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "IX_Absence_MotiveId",
                table: "Absence",
                column: "MotiveId");

            migrationBuilder.CreateIndex(
                name: "IX_AbsenceMotive_SchoolId_Name",
                table: "AbsenceMotive",
                columns: new[] { "SchoolId", "Name" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Absence_AbsenceMotive_MotiveId",
                table: "Absence",
                column: "MotiveId",
                principalTable: "AbsenceMotive",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Absence_AbsenceMotive_MotiveId",
                table: "Absence");

            migrationBuilder.DropTable(
                name: "AbsenceMotive");

            migrationBuilder.DropIndex(
                name: "IX_Absence_MotiveId",
                table: "Absence");

            migrationBuilder.RenameColumn(
                name: "MotiveId",
                table: "Absence",
                newName: "Reason");
        }
    }
}
