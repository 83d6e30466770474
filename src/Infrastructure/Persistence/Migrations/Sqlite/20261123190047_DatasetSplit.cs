using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DatasetSplit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SplitJson",
                table: "DatasetVersions",
                type: "TEXT",
                nullable: false,
                defaultValue: "{}"); // versions uploaded before splits existed: no split recorded
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SplitJson",
                table: "DatasetVersions");
        }
    }
}
