using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>Issue 18: rollouts, the devices each gave its version to, every device's desired models, and devices' last reports.</summary>
    public partial class FleetRollouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DesiredRevision",
                table: "Devices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReportJson",
                table: "Devices",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReportSequence",
                table: "Devices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "DeviceAssignments",
                columns: table => new
                {
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ModelVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HealthCheckJson = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceAssignments", x => new { x.DeviceId, x.ModelId });
                    table.ForeignKey(
                        name: "FK_DeviceAssignments_Devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "Devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Rollouts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ModelVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Selector = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Waves = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Rate = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Gate = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    HealthCheck = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OnFailure = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TotalDevices = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentWave = table.Column<int>(type: "INTEGER", nullable: false),
                    Assigned = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedBeforeWave = table.Column<int>(type: "INTEGER", nullable: false),
                    WaveStartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WaveFilledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyVersion = table.Column<long>(type: "INTEGER", nullable: false),
                    RollbackStartedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rollouts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RolloutTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RolloutId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Wave = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    PreviousP95Milliseconds = table.Column<double>(type: "REAL", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FailureReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Inferences = table.Column<long>(type: "INTEGER", nullable: false),
                    Errors = table.Column<long>(type: "INTEGER", nullable: false),
                    P95Milliseconds = table.Column<double>(type: "REAL", nullable: true),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RolloutTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RolloutTargets_Devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "Devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RolloutTargets_Rollouts_RolloutId",
                        column: x => x.RolloutId,
                        principalTable: "Rollouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RolloutTargets_DeviceId",
                table: "RolloutTargets",
                column: "DeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_RolloutTargets_RolloutId_DeviceId",
                table: "RolloutTargets",
                columns: new[] { "RolloutId", "DeviceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RolloutTargets_RolloutId_Wave_Status",
                table: "RolloutTargets",
                columns: new[] { "RolloutId", "Wave", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Rollouts_WorkspaceId_State",
                table: "Rollouts",
                columns: new[] { "WorkspaceId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeviceAssignments");

            migrationBuilder.DropTable(
                name: "RolloutTargets");

            migrationBuilder.DropTable(
                name: "Rollouts");

            migrationBuilder.Sql("ALTER TABLE \"Devices\" DROP COLUMN \"DesiredRevision\";");

            migrationBuilder.Sql("ALTER TABLE \"Devices\" DROP COLUMN \"ReportJson\";");

            migrationBuilder.Sql("ALTER TABLE \"Devices\" DROP COLUMN \"ReportSequence\";");
        }
    }
}
