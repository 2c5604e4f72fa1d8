using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enoe.Data.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class UndeliveredMemos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Undelivered",
                table: "Memos",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Memos_Undelivered",
                table: "Memos",
                column: "SentAt",
                filter: "\"Undelivered\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Memos_Undelivered",
                table: "Memos");

            migrationBuilder.DropColumn(
                name: "Undelivered",
                table: "Memos");
        }
    }
}
