using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>Issue 18: a rollout may await an Approver's approval before it starts; who started it (their user id), and who approved it, when and why.</summary>
    public partial class RolloutApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ApprovalComment",
                table: "Rollouts",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ApprovedAt",
                table: "Rollouts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "Rollouts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CreatedByUserId",
                table: "Rollouts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RequiresApproval",
                table: "Rollouts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE \"Rollouts\" DROP COLUMN \"ApprovalComment\";");

            migrationBuilder.Sql("ALTER TABLE \"Rollouts\" DROP COLUMN \"ApprovedAt\";");

            migrationBuilder.Sql("ALTER TABLE \"Rollouts\" DROP COLUMN \"ApprovedBy\";");

            migrationBuilder.Sql("ALTER TABLE \"Rollouts\" DROP COLUMN \"CreatedByUserId\";");

            migrationBuilder.Sql("ALTER TABLE \"Rollouts\" DROP COLUMN \"RequiresApproval\";");
        }
    }
}
