using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <summary>Issue 18: a workspace's fleet of devices (one row per label, for selectors) and its one-time enrolment tokens.</summary>
    public partial class FleetDevices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Devices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublicKeyJwk = table.Column<string>(type: "TEXT", unicode: false, maxLength: 400, nullable: false),
                    KeyThumbprint = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    CredentialVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrolledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InventoryJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EnrolmentTokenId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Devices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EnrolmentTokens",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkspaceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", unicode: false, fixedLength: true, maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LabelsJson = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    KeyThumbprint = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnrolmentTokens", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DeviceLabels",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false),
                    DeviceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", unicode: false, maxLength: 63, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeviceLabels", x => new { x.DeviceId, x.Key });
                    table.ForeignKey(
                        name: "FK_DeviceLabels_Devices_DeviceId",
                        column: x => x.DeviceId,
                        principalTable: "Devices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeviceLabels_Key_Value",
                table: "DeviceLabels",
                columns: new[] { "Key", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_Devices_WorkspaceId_Name",
                table: "Devices",
                columns: new[] { "WorkspaceId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Devices_WorkspaceId_State",
                table: "Devices",
                columns: new[] { "WorkspaceId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentTokens_TokenHash",
                table: "EnrolmentTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnrolmentTokens_WorkspaceId",
                table: "EnrolmentTokens",
                column: "WorkspaceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeviceLabels");

            migrationBuilder.DropTable(
                name: "EnrolmentTokens");

            migrationBuilder.DropTable(
                name: "Devices");
        }
    }
}
