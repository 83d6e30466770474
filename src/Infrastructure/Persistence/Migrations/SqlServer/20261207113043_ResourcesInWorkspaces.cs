using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <summary>Every resource moves into a workspace: what exists goes to 'default' (its id is the column's default); names become unique per workspace.</summary>
    public partial class ResourcesInWorkspaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_RegisteredModels_Name",
                table: "RegisteredModels");

            migrationBuilder.DropIndex(
                name: "IX_Experiments_Name",
                table: "Experiments");

            migrationBuilder.DropIndex(
                name: "IX_Deployments_Name",
                table: "Deployments");

            migrationBuilder.DropIndex(
                name: "IX_DatasetVersions_Name_Version",
                table: "DatasetVersions");

            migrationBuilder.DropIndex(
                name: "IX_ApprovalPolicies_Environment",
                table: "ApprovalPolicies");

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                table: "WebhookSubscriptions",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-7000-8000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                table: "Runs",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-7000-8000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                table: "RegisteredModels",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-7000-8000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                table: "PromotionRequests",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-7000-8000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                table: "PlatformEvents",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-7000-8000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                table: "ModelVersions",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-7000-8000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                table: "Jobs",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-7000-8000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                table: "Experiments",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-7000-8000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                table: "Deployments",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-7000-8000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                table: "DatasetVersions",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-7000-8000-000000000001"));

            migrationBuilder.AddColumn<Guid>(
                name: "WorkspaceId",
                table: "ApprovalPolicies",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-7000-8000-000000000001"));

            migrationBuilder.CreateIndex(
                name: "IX_WebhookSubscriptions_WorkspaceId",
                table: "WebhookSubscriptions",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_WorkspaceId",
                table: "Runs",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_RegisteredModels_WorkspaceId_Name",
                table: "RegisteredModels",
                columns: new[] { "WorkspaceId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PromotionRequests_WorkspaceId",
                table: "PromotionRequests",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_PlatformEvents_WorkspaceId",
                table: "PlatformEvents",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelVersions_WorkspaceId",
                table: "ModelVersions",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_WorkspaceId",
                table: "Jobs",
                column: "WorkspaceId");

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_WorkspaceId_Name",
                table: "Experiments",
                columns: new[] { "WorkspaceId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deployments_WorkspaceId_Name",
                table: "Deployments",
                columns: new[] { "WorkspaceId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DatasetVersions_WorkspaceId_Name_Version",
                table: "DatasetVersions",
                columns: new[] { "WorkspaceId", "Name", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalPolicies_WorkspaceId_Environment",
                table: "ApprovalPolicies",
                columns: new[] { "WorkspaceId", "Environment" },
                unique: true,
                filter: "\"ModelId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WebhookSubscriptions_WorkspaceId",
                table: "WebhookSubscriptions");

            migrationBuilder.DropIndex(
                name: "IX_Runs_WorkspaceId",
                table: "Runs");

            migrationBuilder.DropIndex(
                name: "IX_RegisteredModels_WorkspaceId_Name",
                table: "RegisteredModels");

            migrationBuilder.DropIndex(
                name: "IX_PromotionRequests_WorkspaceId",
                table: "PromotionRequests");

            migrationBuilder.DropIndex(
                name: "IX_PlatformEvents_WorkspaceId",
                table: "PlatformEvents");

            migrationBuilder.DropIndex(
                name: "IX_ModelVersions_WorkspaceId",
                table: "ModelVersions");

            migrationBuilder.DropIndex(
                name: "IX_Jobs_WorkspaceId",
                table: "Jobs");

            migrationBuilder.DropIndex(
                name: "IX_Experiments_WorkspaceId_Name",
                table: "Experiments");

            migrationBuilder.DropIndex(
                name: "IX_Deployments_WorkspaceId_Name",
                table: "Deployments");

            migrationBuilder.DropIndex(
                name: "IX_DatasetVersions_WorkspaceId_Name_Version",
                table: "DatasetVersions");

            migrationBuilder.DropIndex(
                name: "IX_ApprovalPolicies_WorkspaceId_Environment",
                table: "ApprovalPolicies");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                table: "WebhookSubscriptions");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                table: "RegisteredModels");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                table: "PromotionRequests");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                table: "PlatformEvents");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                table: "ModelVersions");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                table: "Jobs");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                table: "Experiments");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                table: "Deployments");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                table: "DatasetVersions");

            migrationBuilder.DropColumn(
                name: "WorkspaceId",
                table: "ApprovalPolicies");

            migrationBuilder.CreateIndex(
                name: "IX_RegisteredModels_Name",
                table: "RegisteredModels",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Experiments_Name",
                table: "Experiments",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deployments_Name",
                table: "Deployments",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DatasetVersions_Name_Version",
                table: "DatasetVersions",
                columns: new[] { "Name", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalPolicies_Environment",
                table: "ApprovalPolicies",
                column: "Environment",
                unique: true,
                filter: "\"ModelId\" IS NULL");
        }
    }
}
