using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enoe.Data.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class UsageCountCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UsageCount_Day_Metric",
                table: "UsageCount");

            migrationBuilder.CreateIndex(
                name: "IX_UsageCount_Day_Metric_SchoolId_Count",
                table: "UsageCount",
                columns: new[] { "Day", "Metric", "SchoolId", "Count" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UsageCount_Day_Metric_SchoolId_Count",
                table: "UsageCount");

            migrationBuilder.CreateIndex(
                name: "IX_UsageCount_Day_Metric",
                table: "UsageCount",
                columns: new[] { "Day", "Metric" });
        }
    }
}
