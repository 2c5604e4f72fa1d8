using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enoe.Data.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SingleSignOnCas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SsoRegistrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Protocol = table.Column<int>(type: "INTEGER", nullable: false),
                    ServicePattern = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Match = table.Column<int>(type: "INTEGER", nullable: false),
                    Attributes = table.Column<int>(type: "INTEGER", nullable: false),
                    Released = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Profiles = table.Column<int>(type: "INTEGER", nullable: false),
                    LevelCodes = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    ResourceId = table.Column<int>(type: "INTEGER", nullable: true),
                    SingleLogout = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SsoRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SsoRegistrations_DigitalResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "DigitalResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SsoRegistrations_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CasTickets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RegistrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FromNewSignIn = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CasTickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CasTickets_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CasTickets_SsoRegistrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "SsoRegistrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SsoHandOffs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegistrationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Service = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    TicketId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LoggedOutAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SsoHandOffs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SsoHandOffs_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SsoHandOffs_SsoRegistrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "SsoRegistrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CasTickets_ExpiresAt",
                table: "CasTickets",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_CasTickets_PersonId",
                table: "CasTickets",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CasTickets_RegistrationId",
                table: "CasTickets",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_SsoHandOffs_PersonId_At",
                table: "SsoHandOffs",
                columns: new[] { "PersonId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SsoHandOffs_RegistrationId",
                table: "SsoHandOffs",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_SsoHandOffs_SessionId",
                table: "SsoHandOffs",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_SsoRegistrations_ResourceId",
                table: "SsoRegistrations",
                column: "ResourceId");

            migrationBuilder.CreateIndex(
                name: "IX_SsoRegistrations_SchoolId",
                table: "SsoRegistrations",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_SsoRegistrations_ServicePattern",
                table: "SsoRegistrations",
                column: "ServicePattern",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CasTickets");

            migrationBuilder.DropTable(
                name: "SsoHandOffs");

            migrationBuilder.DropTable(
                name: "SsoRegistrations");
        }
    }
}
