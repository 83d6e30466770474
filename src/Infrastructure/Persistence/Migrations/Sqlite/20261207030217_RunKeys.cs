using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
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
                    ExperimentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 250, nullable: false)
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

            // Kept by the database, so every writer keeps it (the tracking endpoints, the training recorder, the SQLite
            // metric writer's upsert, a bulk load): a key is added when the first run of the experiment gets it, and a
            // metric key goes when the last latest value of it in the experiment is deleted (a retried job's points
            // forgotten). No OR IGNORE: an outer statement's conflict clause would override it.
            migrationBuilder.Sql("""
                CREATE TRIGGER RunParams_RunKeys AFTER INSERT ON RunParams
                BEGIN
                    INSERT INTO RunKeys (ExperimentId, Kind, Key)
                    SELECT r.ExperimentId, 0, NEW.Key FROM Runs r
                    WHERE r.Id = NEW.RunId
                      AND NOT EXISTS (SELECT 1 FROM RunKeys k WHERE k.ExperimentId = r.ExperimentId AND k.Kind = 0 AND k.Key = NEW.Key);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER LatestMetrics_RunKeys AFTER INSERT ON LatestMetrics
                BEGIN
                    INSERT INTO RunKeys (ExperimentId, Kind, Key)
                    SELECT r.ExperimentId, 1, NEW.Key FROM Runs r
                    WHERE r.Id = NEW.RunId
                      AND NOT EXISTS (SELECT 1 FROM RunKeys k WHERE k.ExperimentId = r.ExperimentId AND k.Kind = 1 AND k.Key = NEW.Key);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER LatestMetrics_RunKeys_Delete AFTER DELETE ON LatestMetrics
                BEGIN
                    DELETE FROM RunKeys
                    WHERE Kind = 1 AND Key = OLD.Key
                      AND ExperimentId = (SELECT ExperimentId FROM Runs WHERE Id = OLD.RunId)
                      AND NOT EXISTS (SELECT 1 FROM LatestMetrics m JOIN Runs r ON r.Id = m.RunId
                                      WHERE r.ExperimentId = RunKeys.ExperimentId AND m.Key = OLD.Key);
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO RunKeys (ExperimentId, Kind, Key)
                SELECT DISTINCT r.ExperimentId, 0, p.Key FROM RunParams p JOIN Runs r ON r.Id = p.RunId;
                """);
            migrationBuilder.Sql("""
                INSERT INTO RunKeys (ExperimentId, Kind, Key)
                SELECT DISTINCT r.ExperimentId, 1, m.Key FROM LatestMetrics m JOIN Runs r ON r.Id = m.RunId;
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
