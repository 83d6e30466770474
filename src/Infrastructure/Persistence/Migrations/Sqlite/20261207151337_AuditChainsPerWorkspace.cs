using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// Each workspace's audit events form a hash chain of their own: events name their workspace (none: the
    /// platform's chain, which keeps every event recorded before, so the chain sealed so far still verifies).
    /// </summary>
    public partial class AuditChainsPerWorkspace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                table: "AuditEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_WorkspaceId_Sequence",
                table: "AuditEvents",
                columns: new[] { "WorkspaceId", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEvents_WorkspaceId_Sequence",
                table: "AuditEvents");

            migrationBuilder.Sql("ALTER TABLE \"AuditEvents\" DROP COLUMN \"WorkspaceId\";");
        }
    }
}
