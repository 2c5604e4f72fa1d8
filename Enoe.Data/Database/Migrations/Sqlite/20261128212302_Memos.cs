using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enoe.Data.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Memos : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MemoRules",
                table: "Schools",
                type: "INTEGER",
                nullable: false,
                defaultValue: (int)Enoe.Data.Memos.MemoRules.Default); // existing établissements start with the usual rules

            migrationBuilder.CreateTable(
                name: "Memos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    SenderId = table.Column<int>(type: "INTEGER", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ThreadId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplyToId = table.Column<int>(type: "INTEGER", nullable: true),
                    AboutChildId = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SenderFolder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Memos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Memos_People_AboutChildId",
                        column: x => x.AboutChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Memos_People_SenderId",
                        column: x => x.SenderId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Memos_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemoAttachment",
                columns: table => new
                {
                    MemoId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemoAttachment", x => new { x.MemoId, x.FileId });
                    table.ForeignKey(
                        name: "FK_MemoAttachment_Memos_MemoId",
                        column: x => x.MemoId,
                        principalTable: "Memos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MemoAttachment_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MemoAudience",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemoId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemoAudience", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MemoAudience_Memos_MemoId",
                        column: x => x.MemoId,
                        principalTable: "Memos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MemoRecipient",
                columns: table => new
                {
                    MemoId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    AudienceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Folder = table.Column<int>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemoRecipient", x => new { x.MemoId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_MemoRecipient_MemoAudience_AudienceId",
                        column: x => x.AudienceId,
                        principalTable: "MemoAudience",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MemoRecipient_Memos_MemoId",
                        column: x => x.MemoId,
                        principalTable: "Memos",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MemoRecipient_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MemoAttachment_FileId",
                table: "MemoAttachment",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_MemoAudience_MemoId",
                table: "MemoAudience",
                column: "MemoId");

            migrationBuilder.CreateIndex(
                name: "IX_MemoRecipient_AudienceId",
                table: "MemoRecipient",
                column: "AudienceId");

            migrationBuilder.CreateIndex(
                name: "IX_MemoRecipient_PersonId_Folder_ReadAt",
                table: "MemoRecipient",
                columns: new[] { "PersonId", "Folder", "ReadAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Memos_AboutChildId",
                table: "Memos",
                column: "AboutChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Memos_SchoolId",
                table: "Memos",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_Memos_SenderId_SenderFolder_SentAt",
                table: "Memos",
                columns: new[] { "SenderId", "SenderFolder", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Memos_ThreadId",
                table: "Memos",
                column: "ThreadId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MemoAttachment");

            migrationBuilder.DropTable(
                name: "MemoRecipient");

            migrationBuilder.DropTable(
                name: "MemoAudience");

            migrationBuilder.DropTable(
                name: "Memos");

            migrationBuilder.DropColumn(
                name: "MemoRules",
                table: "Schools");
        }
    }
}
