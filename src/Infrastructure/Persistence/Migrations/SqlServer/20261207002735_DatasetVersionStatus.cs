using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DatasetVersionStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Problem",
                table: "DatasetVersions",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "DatasetVersions",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Ready"); // every version before this one was profiled at its upload

            migrationBuilder.CreateIndex(
                name: "IX_DatasetVersions_Status",
                table: "DatasetVersions",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DatasetVersions_Status",
                table: "DatasetVersions");

            migrationBuilder.DropColumn(
                name: "Problem",
                table: "DatasetVersions");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "DatasetVersions");
        }
    }
}
