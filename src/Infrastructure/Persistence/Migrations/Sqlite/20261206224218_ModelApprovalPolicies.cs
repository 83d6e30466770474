using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ModelApprovalPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ApprovalPolicies_Environment",
                table: "ApprovalPolicies");

            migrationBuilder.AddColumn<Guid>(
                name: "ModelId",
                table: "ApprovalPolicies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalPolicies_Environment",
                table: "ApprovalPolicies",
                column: "Environment",
                unique: true,
                filter: "\"ModelId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalPolicies_ModelId_Environment",
                table: "ApprovalPolicies",
                columns: new[] { "ModelId", "Environment" },
                unique: true,
                filter: "\"ModelId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ApprovalPolicies_Environment",
                table: "ApprovalPolicies");

            migrationBuilder.DropIndex(
                name: "IX_ApprovalPolicies_ModelId_Environment",
                table: "ApprovalPolicies");

            migrationBuilder.DropColumn(
                name: "ModelId",
                table: "ApprovalPolicies");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalPolicies_Environment",
                table: "ApprovalPolicies",
                column: "Environment",
                unique: true);
        }
    }
}
