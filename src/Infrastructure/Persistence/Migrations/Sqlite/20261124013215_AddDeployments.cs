using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDeployments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Deployments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HardwareClass = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CanaryPolicyJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DriftPolicyJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ValidatedVersionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    LatestRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveRevision = table.Column<int>(type: "INTEGER", nullable: true),
                    PendingRevision = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcurrencyVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deployments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deployments_RegisteredModels_ModelId",
                        column: x => x.ModelId,
                        principalTable: "RegisteredModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DeploymentRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeploymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HardwareClass = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TrafficJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeployJobId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ValidationResultJson = table.Column<string>(type: "TEXT", nullable: true),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PreviousRevision = table.Column<int>(type: "INTEGER", nullable: true),
                    RollbackOf = table.Column<int>(type: "INTEGER", nullable: true),
                    ReportJson = table.Column<string>(type: "TEXT", nullable: true),
                    ActivatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeploymentRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeploymentRevisions_Deployments_DeploymentId",
                        column: x => x.DeploymentId,
                        principalTable: "Deployments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InferenceKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeploymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InferenceKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InferenceKeys_Deployments_DeploymentId",
                        column: x => x.DeploymentId,
                        principalTable: "Deployments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringSnapshots",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeploymentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Host = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    To = table.Column<long>(type: "INTEGER", nullable: false),
                    Requests = table.Column<long>(type: "INTEGER", nullable: false),
                    Errors = table.Column<long>(type: "INTEGER", nullable: false),
                    P50Milliseconds = table.Column<double>(type: "REAL", nullable: false),
                    P95Milliseconds = table.Column<double>(type: "REAL", nullable: false),
                    P99Milliseconds = table.Column<double>(type: "REAL", nullable: false),
                    SampleSize = table.Column<int>(type: "INTEGER", nullable: false),
                    DriftJson = table.Column<string>(type: "TEXT", nullable: false),
                    DriftAlert = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringSnapshots", x => x.Sequence);
                    table.ForeignKey(
                        name: "FK_MonitoringSnapshots_Deployments_DeploymentId",
                        column: x => x.DeploymentId,
                        principalTable: "Deployments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeploymentRevisions_DeployJobId",
                table: "DeploymentRevisions",
                column: "DeployJobId");

            migrationBuilder.CreateIndex(
                name: "IX_DeploymentRevisions_DeploymentId_Number",
                table: "DeploymentRevisions",
                columns: new[] { "DeploymentId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deployments_ModelId",
                table: "Deployments",
                column: "ModelId");

            migrationBuilder.CreateIndex(
                name: "IX_Deployments_Name",
                table: "Deployments",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InferenceKeys_DeploymentId_CreatedAt",
                table: "InferenceKeys",
                columns: new[] { "DeploymentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InferenceKeys_KeyHash",
                table: "InferenceKeys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringSnapshots_DeploymentId_Version_Sequence",
                table: "MonitoringSnapshots",
                columns: new[] { "DeploymentId", "Version", "Sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeploymentRevisions");

            migrationBuilder.DropTable(
                name: "InferenceKeys");

            migrationBuilder.DropTable(
                name: "MonitoringSnapshots");

            migrationBuilder.DropTable(
                name: "Deployments");
        }
    }
}
