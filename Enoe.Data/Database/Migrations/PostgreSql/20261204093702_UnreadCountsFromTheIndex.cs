using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enoe.Data.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class UnreadCountsFromTheIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_RecipientId_VisibleAt",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_MemoRecipient_PersonId_Folder_ReadAt",
                table: "MemoRecipient");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientId_VisibleAt_ReadAt",
                table: "Notifications",
                columns: new[] { "RecipientId", "VisibleAt", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MemoRecipient_PersonId_Folder_ReadAt_HeldUntil",
                table: "MemoRecipient",
                columns: new[] { "PersonId", "Folder", "ReadAt", "HeldUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_RecipientId_VisibleAt_ReadAt",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_MemoRecipient_PersonId_Folder_ReadAt_HeldUntil",
                table: "MemoRecipient");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_RecipientId_VisibleAt",
                table: "Notifications",
                columns: new[] { "RecipientId", "VisibleAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MemoRecipient_PersonId_Folder_ReadAt",
                table: "MemoRecipient",
                columns: new[] { "PersonId", "Folder", "ReadAt" });
        }
    }
}
