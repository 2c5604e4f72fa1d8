using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enoe.Data.Database.Migrations
{
    /// <inheritdoc />
    public partial class Logbook : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "HomeworkWarningThreshold",
                table: "Schools",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "LogbookEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolClassId = table.Column<int>(type: "INTEGER", nullable: true),
                    TeachingGroupId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Homework = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    HomeworkDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HomeworkMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedById = table.Column<int>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedById = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogbookEntries", x => x.Id);
                    table.CheckConstraint("CK_LogbookEntry_ClassXorGroup", "(\"SchoolClassId\" IS NULL) <> (\"TeachingGroupId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_LogbookEntries_Classes_SchoolClassId",
                        column: x => x.SchoolClassId,
                        principalTable: "Classes",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_LogbookEntries_Groups_TeachingGroupId",
                        column: x => x.TeachingGroupId,
                        principalTable: "Groups",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_LogbookEntries_People_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LogbookEntries_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LogbookEntries_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HomeworkDone",
                columns: table => new
                {
                    StudentId = table.Column<int>(type: "INTEGER", nullable: false),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeworkDone", x => new { x.StudentId, x.EntryId });
                    table.ForeignKey(
                        name: "FK_HomeworkDone_LogbookEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "LogbookEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HomeworkDone_People_StudentId",
                        column: x => x.StudentId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LogbookRevision",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Homework = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    HomeworkDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HomeworkMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    EditedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EditedById = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogbookRevision", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LogbookRevision_LogbookEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "LogbookEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HomeworkDone_EntryId",
                table: "HomeworkDone",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_LogbookEntries_SchoolClassId_SessionDate",
                table: "LogbookEntries",
                columns: new[] { "SchoolClassId", "SessionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_LogbookEntries_SchoolId_HomeworkDueDate",
                table: "LogbookEntries",
                columns: new[] { "SchoolId", "HomeworkDueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_LogbookEntries_SubjectId",
                table: "LogbookEntries",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_LogbookEntries_TeachingGroupId_SessionDate",
                table: "LogbookEntries",
                columns: new[] { "TeachingGroupId", "SessionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_LogbookEntries_UpdatedById",
                table: "LogbookEntries",
                column: "UpdatedById");

            migrationBuilder.CreateIndex(
                name: "IX_LogbookRevision_EntryId",
                table: "LogbookRevision",
                column: "EntryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HomeworkDone");

            migrationBuilder.DropTable(
                name: "LogbookRevision");

            migrationBuilder.DropTable(
                name: "LogbookEntries");

            migrationBuilder.DropColumn(
                name: "HomeworkWarningThreshold",
                table: "Schools");
        }
    }
}
