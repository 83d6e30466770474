using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RunKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RunKeys",
                columns: table => new
                {
                    ExperimentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(250)", maxLength: 250, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunKeys", x => new { x.ExperimentId, x.Kind, x.Key });
                    table.ForeignKey(
                        name: "FK_RunKeys_Experiments_ExperimentId",
                        column: x => x.ExperimentId,
                        principalTable: "Experiments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Kept by the database, so every writer keeps it (see the SQLite migration). UPDLOCK, HOLDLOCK: two runs
            // logging the same new key at once insert it once; NOCOUNT: EF Core's row counts stay its own. EXEC: CREATE
            // TRIGGER must begin a batch, and an idempotent script puts each statement inside IF ... BEGIN ... END.
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER RunParams_RunKeys ON RunParams AFTER INSERT AS
                BEGIN
                    SET NOCOUNT ON;
                    INSERT INTO RunKeys (ExperimentId, Kind, [Key])
                    SELECT DISTINCT r.ExperimentId, 0, i.[Key] FROM inserted i JOIN Runs r ON r.Id = i.RunId
                    WHERE NOT EXISTS (SELECT 1 FROM RunKeys k WITH (UPDLOCK, HOLDLOCK)
                                      WHERE k.ExperimentId = r.ExperimentId AND k.Kind = 0 AND k.[Key] = i.[Key]);
                END');
                """);
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER LatestMetrics_RunKeys ON LatestMetrics AFTER INSERT AS
                BEGIN
                    SET NOCOUNT ON;
                    INSERT INTO RunKeys (ExperimentId, Kind, [Key])
                    SELECT DISTINCT r.ExperimentId, 1, i.[Key] FROM inserted i JOIN Runs r ON r.Id = i.RunId
                    WHERE NOT EXISTS (SELECT 1 FROM RunKeys k WITH (UPDLOCK, HOLDLOCK)
                                      WHERE k.ExperimentId = r.ExperimentId AND k.Kind = 1 AND k.[Key] = i.[Key]);
                END');
                """);
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER LatestMetrics_RunKeys_Delete ON LatestMetrics AFTER DELETE AS
                BEGIN
                    SET NOCOUNT ON;
                    DELETE k FROM RunKeys k
                    JOIN (SELECT DISTINCT r.ExperimentId, d.[Key] FROM deleted d JOIN Runs r ON r.Id = d.RunId) g
                      ON g.ExperimentId = k.ExperimentId AND g.[Key] = k.[Key]
                    WHERE k.Kind = 1
                      AND NOT EXISTS (SELECT 1 FROM LatestMetrics m JOIN Runs r2 ON r2.Id = m.RunId
                                      WHERE r2.ExperimentId = k.ExperimentId AND m.[Key] = k.[Key]);
                END');
                """);
            migrationBuilder.Sql("""
                INSERT INTO RunKeys (ExperimentId, Kind, [Key])
                SELECT DISTINCT r.ExperimentId, 0, p.[Key] FROM RunParams p JOIN Runs r ON r.Id = p.RunId;
                """);
            migrationBuilder.Sql("""
                INSERT INTO RunKeys (ExperimentId, Kind, [Key])
                SELECT DISTINCT r.ExperimentId, 1, m.[Key] FROM LatestMetrics m JOIN Runs r ON r.Id = m.RunId;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS RunParams_RunKeys;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS LatestMetrics_RunKeys;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS LatestMetrics_RunKeys_Delete;");
            migrationBuilder.DropTable(
                name: "RunKeys");
        }
    }
}
