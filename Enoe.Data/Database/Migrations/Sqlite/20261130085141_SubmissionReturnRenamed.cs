using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enoe.Data.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SubmissionReturnRenamed : Migration
    {
        /// <inheritdoc />
        /// <remarks>Hand-written: a rename keeps every returned submission (EF scaffolded a drop and create).</remarks>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(name: "CopyReturn", newName: "SubmissionReturn");
            migrationBuilder.RenameIndex(
                name: "IX_CopyReturn_AssignmentId_StudentId", table: "SubmissionReturn",
                newName: "IX_SubmissionReturn_AssignmentId_StudentId");
            migrationBuilder.RenameIndex(
                name: "IX_CopyReturn_FileId", table: "SubmissionReturn",
                newName: "IX_SubmissionReturn_FileId");
            migrationBuilder.RenameIndex(
                name: "IX_CopyReturn_StudentId", table: "SubmissionReturn",
                newName: "IX_SubmissionReturn_StudentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(name: "SubmissionReturn", newName: "CopyReturn");
            migrationBuilder.RenameIndex(
                name: "IX_SubmissionReturn_AssignmentId_StudentId", table: "CopyReturn",
                newName: "IX_CopyReturn_AssignmentId_StudentId");
            migrationBuilder.RenameIndex(
                name: "IX_SubmissionReturn_FileId", table: "CopyReturn",
                newName: "IX_CopyReturn_FileId");
            migrationBuilder.RenameIndex(
                name: "IX_SubmissionReturn_StudentId", table: "CopyReturn",
                newName: "IX_CopyReturn_StudentId");
        }
    }
}
