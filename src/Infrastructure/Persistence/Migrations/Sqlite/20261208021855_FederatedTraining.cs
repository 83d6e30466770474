using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FederatedTraining : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Federations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExperimentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Plan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Shape = table.Column<string>(type: "TEXT", maxLength: 2147483647, nullable: true),
                    Weights = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ServerState = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CompletedRounds = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentRoundId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EpsilonSpent = table.Column<double>(type: "REAL", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyVersion = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Federations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Federations_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SiteDatasets",
                columns: table => new
                {
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Rows = table.Column<long>(type: "INTEGER", nullable: false),
                    Columns = table.Column<string>(type: "TEXT", maxLength: 2147483647, nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteDatasets", x => new { x.DeviceId, x.Name });
                    table.ForeignKey(
                        name: "FK_SiteDatasets_Devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "Devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FederationRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FederationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Sites = table.Column<string>(type: "TEXT", maxLength: 2147483647, nullable: false),
                    SamplingRate = table.Column<double>(type: "REAL", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PhaseDeadline = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Updates = table.Column<int>(type: "INTEGER", nullable: false),
                    Samples = table.Column<long>(type: "INTEGER", nullable: false),
                    BytesReceived = table.Column<long>(type: "INTEGER", nullable: false),
                    TrainingLoss = table.Column<double>(type: "REAL", nullable: true),
                    ValidationLoss = table.Column<double>(type: "REAL", nullable: true),
                    ValidationAccuracy = table.Column<double>(type: "REAL", nullable: true),
                    Epsilon = table.Column<double>(type: "REAL", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FederationRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FederationRounds_Federations_FederationId",
                        column: x => x.FederationId,
                        principalTable: "Federations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FederationSites",
                columns: table => new
                {
                    FederationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AdmittedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AdmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeftAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FederationSites", x => new { x.FederationId, x.DeviceId });
                    table.ForeignKey(
                        name: "FK_FederationSites_Devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "Devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FederationSites_Federations_FederationId",
                        column: x => x.FederationId,
                        principalTable: "Federations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FederationSubmissions",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Payload = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 64, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Samples = table.Column<long>(type: "INTEGER", nullable: false),
                    TrainingLoss = table.Column<double>(type: "REAL", nullable: true),
                    ValidationSamples = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidationLoss = table.Column<double>(type: "REAL", nullable: true),
                    ValidationAccuracy = table.Column<double>(type: "REAL", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FederationSubmissions", x => new { x.RoundId, x.DeviceId, x.Phase });
                    table.ForeignKey(
                        name: "FK_FederationSubmissions_FederationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "FederationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FederationRounds_FederationId_Number_Attempt",
                table: "FederationRounds",
                columns: new[] { "FederationId", "Number", "Attempt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FederationRounds_State",
                table: "FederationRounds",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_FederationSites_DeviceId",
                table: "FederationSites",
                column: "DeviceId");

            migrationBuilder.CreateIndex(
                name: "IX_FederationSubmissions_DeviceId_Sha256",
                table: "FederationSubmissions",
                columns: new[] { "DeviceId", "Sha256" });

            migrationBuilder.CreateIndex(
                name: "IX_Federations_ExperimentId",
                table: "Federations",
                column: "ExperimentId");

            migrationBuilder.CreateIndex(
                name: "IX_Federations_RunId",
                table: "Federations",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_Federations_WorkspaceId_State",
                table: "Federations",
                columns: new[] { "WorkspaceId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_SiteDatasets_Name",
                table: "SiteDatasets",
                column: "Name");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FederationSites");

            migrationBuilder.DropTable(
                name: "FederationSubmissions");

            migrationBuilder.DropTable(
                name: "SiteDatasets");

            migrationBuilder.DropTable(
                name: "FederationRounds");

            migrationBuilder.DropTable(
                name: "Federations");
        }
    }
}
