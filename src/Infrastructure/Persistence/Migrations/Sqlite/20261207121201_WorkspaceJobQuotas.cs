using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>Workspaces get quotas of concurrent jobs; a job past its workspace's quota waits, held with the reason.</summary>
    public partial class WorkspaceJobQuotas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ConcurrentGpuJobQuota",
                table: "Workspaces",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ConcurrentJobQuota",
                table: "Workspaces",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WaitingFor",
                table: "Jobs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.UpdateData(
                table: "Workspaces",
                keyColumn: "Id",
                keyValue: new Guid("00000000-0000-7000-8000-000000000001"),
                columns: new[] { "ConcurrentGpuJobQuota", "ConcurrentJobQuota" },
                values: new object[] { null, null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Workspaces\" DROP COLUMN \"ConcurrentGpuJobQuota\";");

            migrationBuilder.Sql("ALTER TABLE \"Workspaces\" DROP COLUMN \"ConcurrentJobQuota\";");

            migrationBuilder.Sql("ALTER TABLE \"Jobs\" DROP COLUMN \"WaitingFor\";");
        }
    }
}
