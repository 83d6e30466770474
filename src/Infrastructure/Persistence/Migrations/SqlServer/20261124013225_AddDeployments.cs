using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.SqlServer
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "varchar(63)", unicode: false, maxLength: 63, nullable: false),
                    ModelId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Environment = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    HardwareClass = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    CanaryPolicyJson = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    DriftPolicyJson = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ValidatedVersionsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    LatestRevision = table.Column<int>(type: "int", nullable: false),
                    ActiveRevision = table.Column<int>(type: "int", nullable: true),
                    PendingRevision = table.Column<int>(type: "int", nullable: true),
                    CreatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ConcurrencyVersion = table.Column<int>(type: "int", nullable: false)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DeploymentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    State = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Environment = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    HardwareClass = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    TrafficJson = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DeployJobId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ValidationResultJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    FailureReason = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    PreviousRevision = table.Column<int>(type: "int", nullable: true),
                    RollbackOf = table.Column<int>(type: "int", nullable: true),
                    ReportJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    ActivatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DeploymentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "char(64)", unicode: false, fixedLength: true, maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DeploymentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Host = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    From = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    To = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Requests = table.Column<long>(type: "bigint", nullable: false),
                    Errors = table.Column<long>(type: "bigint", nullable: false),
                    P50Milliseconds = table.Column<double>(type: "float", nullable: false),
                    P95Milliseconds = table.Column<double>(type: "float", nullable: false),
                    P99Milliseconds = table.Column<double>(type: "float", nullable: false),
                    SampleSize = table.Column<int>(type: "int", nullable: false),
                    DriftJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    DriftAlert = table.Column<bool>(type: "bit", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
