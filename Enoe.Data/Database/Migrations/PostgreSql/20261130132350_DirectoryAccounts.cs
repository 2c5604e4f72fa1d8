using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enoe.Data.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DirectoryAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeletionDueAt",
                table: "People",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DirectoryKey",
                table: "People",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DisabledAt",
                table: "People",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_DeletionDueAt",
                table: "People",
                column: "DeletionDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_People_DirectoryKey",
                table: "People",
                column: "DirectoryKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_People_DeletionDueAt",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_People_DirectoryKey",
                table: "People");

            migrationBuilder.DropColumn(
                name: "DeletionDueAt",
                table: "People");

            migrationBuilder.DropColumn(
                name: "DirectoryKey",
                table: "People");

            migrationBuilder.DropColumn(
                name: "DisabledAt",
                table: "People");
        }
    }
}
