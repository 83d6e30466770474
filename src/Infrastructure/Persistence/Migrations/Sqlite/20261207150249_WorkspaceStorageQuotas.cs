using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>Workspaces get quotas of storage bytes and deployments; an upload or a new deployment past them is refused.</summary>
    public partial class WorkspaceStorageQuotas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DeploymentQuota",
                table: "Workspaces",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StorageQuotaBytes",
                table: "Workspaces",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.UpdateData(
                table: "Workspaces",
                keyColumn: "Id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000001"),
                columns: new[] { "DeploymentQuota", "StorageQuotaBytes" },
                values: new object[] { null, null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Workspaces\" DROP COLUMN \"DeploymentQuota\";");

            migrationBuilder.Sql("ALTER TABLE \"Workspaces\" DROP COLUMN \"StorageQuotaBytes\";");
        }
    }
}
