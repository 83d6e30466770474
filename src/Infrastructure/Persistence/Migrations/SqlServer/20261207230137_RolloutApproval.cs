using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ApprovedAt",
                table: "Rollouts",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ApprovedBy",
                table: "Rollouts",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CreatedByUserId",
                table: "Rollouts",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RequiresApproval",
                table: "Rollouts",
                type: "bit",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApprovalComment",
                table: "Rollouts");

            migrationBuilder.DropColumn(
                name: "ApprovedAt",
                table: "Rollouts");

            migrationBuilder.DropColumn(
                name: "ApprovedBy",
                table: "Rollouts");

            migrationBuilder.DropColumn(
                name: "CreatedByUserId",
                table: "Rollouts");

            migrationBuilder.DropColumn(
                name: "RequiresApproval",
                table: "Rollouts");
        }
    }
}
