using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enoe.Data.Database.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServicesSwitchedOffByKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClosedServices",
                columns: table => new
                {
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: false),
                    ServiceKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClosedServices", x => new { x.SchoolId, x.ServiceKey });
                    table.ForeignKey(
                        name: "FK_ClosedServices_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The old flags become rows: each service whose bit was not set is switched off. The keys are
            // the services' stored keys (Enoe.Data/<Service>/<Service>DataModule.cs), written here as they
            // were on the day, as a migration must be.
            foreach (var (bit, key) in OldFlags)
                migrationBuilder.Sql($"INSERT INTO ClosedServices (SchoolId, ServiceKey) SELECT Id, '{key}' FROM Schools WHERE (Services & {bit}) = 0;");

            migrationBuilder.DropColumn(
                name: "Services",
                table: "Schools");
        }

        private static readonly (int Bit, string Key)[] OldFlags =
        [
            (1, "public-site"), (2, "dashboard"), (4, "logbook"), (8, "memos"), (16, "bookings"),
            (32, "documents"), (64, "grades"), (128, "skills"), (256, "resources"),
        ];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Services",
                table: "Schools",
                type: "INTEGER",
                nullable: false,
                defaultValue: 511);

            foreach (var (bit, key) in OldFlags)
                migrationBuilder.Sql($"UPDATE Schools SET Services = Services & ~{bit} WHERE Id IN (SELECT SchoolId FROM ClosedServices WHERE ServiceKey = '{key}');");

            migrationBuilder.DropTable(
                name: "ClosedServices");
        }
    }
}
