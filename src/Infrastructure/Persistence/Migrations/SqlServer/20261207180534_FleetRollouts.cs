using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.SqlServer
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
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReportJson",
                table: "Devices",
                type: "nvarchar(max)",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReportSequence",
                table: "Devices",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "DeviceAssignments",
                columns: table => new
                {
                    DeviceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ModelId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Model = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    ModelVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sha256 = table.Column<string>(type: "char(64)", unicode: false, fixedLength: true, maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    RolloutId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    HealthCheckJson = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ModelId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Model = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    ModelVersionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Environment = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Selector = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Waves = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Rate = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Gate = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    HealthCheck = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    OnFailure = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    TotalDevices = table.Column<int>(type: "int", nullable: false),
                    CurrentWave = table.Column<int>(type: "int", nullable: false),
                    Assigned = table.Column<int>(type: "int", nullable: false),
                    AssignedBeforeWave = table.Column<int>(type: "int", nullable: false),
                    WaveStartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    WaveFilledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ConcurrencyVersion = table.Column<long>(type: "bigint", nullable: false),
                    RollbackStartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rollouts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RolloutTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RolloutId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DeviceId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Wave = table.Column<int>(type: "int", nullable: false),
                    PreviousVersion = table.Column<int>(type: "int", nullable: true),
                    PreviousP95Milliseconds = table.Column<double>(type: "float", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    FailureReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Inferences = table.Column<long>(type: "bigint", nullable: false),
                    Errors = table.Column<long>(type: "bigint", nullable: false),
                    P95Milliseconds = table.Column<double>(type: "float", nullable: true),
                    AssignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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

            migrationBuilder.DropColumn(
                name: "DesiredRevision",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "ReportJson",
                table: "Devices");

            migrationBuilder.DropColumn(
                name: "ReportSequence",
                table: "Devices");
        }
    }
}
