using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enoe.Data.Database.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class UsageCountSchoolTotalsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_UsageCount_SchoolId_Metric_Day_Count",
                table: "UsageCount",
                columns: new[] { "SchoolId", "Metric", "Day", "Count" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UsageCount_SchoolId_Metric_Day_Count",
                table: "UsageCount");
        }
    }
}
