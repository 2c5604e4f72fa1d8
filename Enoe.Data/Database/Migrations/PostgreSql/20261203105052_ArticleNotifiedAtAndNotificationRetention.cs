using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enoe.Data.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ArticleNotifiedAtAndNotificationRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "NotifiedAt",
                table: "Articles",
                type: "timestamp with time zone",
                nullable: true);

            // Hand-written: articles already announced (before the claim existed) are not announced again.
            migrationBuilder.Sql(
                "UPDATE \"Articles\" SET \"NotifiedAt\" = (SELECT MIN(n.\"CreatedAt\") FROM \"Notifications\" n "
                    + "WHERE n.\"Source\" = 'article:' || CAST(\"Articles\".\"Id\" AS TEXT))"
            );

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_CreatedAt",
                table: "Notifications",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_CreatedAt",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "NotifiedAt",
                table: "Articles");
        }
    }
}
