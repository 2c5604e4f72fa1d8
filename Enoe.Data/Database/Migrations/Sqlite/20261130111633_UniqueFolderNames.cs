using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enoe.Data.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UniqueFolderNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Folder_SpaceId",
                table: "Folder");

            migrationBuilder.CreateIndex(
                name: "IX_Folder_SpaceId_Name_AtRoot",
                table: "Folder",
                columns: new[] { "SpaceId", "Name" },
                unique: true,
                filter: "\"ParentId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Folder_SpaceId_ParentId_Name",
                table: "Folder",
                columns: new[] { "SpaceId", "ParentId", "Name" },
                unique: true,
                filter: "\"ParentId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Folder_SpaceId_Name_AtRoot",
                table: "Folder");

            migrationBuilder.DropIndex(
                name: "IX_Folder_SpaceId_ParentId_Name",
                table: "Folder");

            migrationBuilder.CreateIndex(
                name: "IX_Folder_SpaceId",
                table: "Folder",
                column: "SpaceId");
        }
    }
}
