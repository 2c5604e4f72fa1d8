using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enoe.Data.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AcademyDefaultPerProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_DefaultLayouts_AcademyProfile",
                table: "DefaultLayouts",
                column: "Profile",
                unique: true,
                filter: "\"SchoolId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DefaultLayouts_AcademyProfile",
                table: "DefaultLayouts");
        }
    }
}
