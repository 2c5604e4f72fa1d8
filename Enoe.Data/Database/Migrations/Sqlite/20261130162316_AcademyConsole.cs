using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enoe.Data.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AcademyConsole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ArchivedAt",
                table: "Schools",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InsideNetworks",
                table: "Schools",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Network",
                table: "Schools",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastSignInOn",
                table: "Memberships",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeploymentSnapshot",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolYear = table.Column<int>(type: "INTEGER", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Figures = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeploymentSnapshot", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InsideOnlyServices",
                columns: table => new
                {
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsideOnlyServices", x => new { x.SchoolId, x.ServiceKey });
                    table.ForeignKey(
                        name: "FK_InsideOnlyServices_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceSwitchChange",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Before = table.Column<int>(type: "INTEGER", nullable: false),
                    After = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedById = table.Column<int>(type: "INTEGER", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceSwitchChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceSwitchChange_People_ChangedById",
                        column: x => x.ChangedById,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ServiceSwitchChange_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UsageCount",
                columns: table => new
                {
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Metric = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageCount", x => new { x.SchoolId, x.Day, x.Metric });
                    table.ForeignKey(
                        name: "FK_UsageCount_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeploymentSnapshot_SchoolYear",
                table: "DeploymentSnapshot",
                column: "SchoolYear",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceSwitchChange_ChangedById",
                table: "ServiceSwitchChange",
                column: "ChangedById");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceSwitchChange_SchoolId_ChangedAt",
                table: "ServiceSwitchChange",
                columns: new[] { "SchoolId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UsageCount_Day_Metric",
                table: "UsageCount",
                columns: new[] { "Day", "Metric" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeploymentSnapshot");

            migrationBuilder.DropTable(
                name: "InsideOnlyServices");

            migrationBuilder.DropTable(
                name: "ServiceSwitchChange");

            migrationBuilder.DropTable(
                name: "UsageCount");

            migrationBuilder.DropColumn(
                name: "ArchivedAt",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "InsideNetworks",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "Network",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "LastSignInOn",
                table: "Memberships");
        }
    }
}
