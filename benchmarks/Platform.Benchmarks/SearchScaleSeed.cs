using Microsoft.Data.Sqlite;

namespace Platform.Benchmarks;

/// <summary>
/// 1,000,000 runs straight into SQLite, a quarter in each workspace's experiment, 2 params and 10 latest metric values
/// each (the values search reads; no metric history, which it does not). The run rows copy a real one written by the
/// product, so every column the schema has is filled as the product fills it; the run-key triggers run as for any
/// writer. The tables' secondary indexes are dropped while the rows go in and built again after (from their own SQL in
/// the schema), with a large page cache and no sync: sorting 10 million keys once is far quicker than inserting them
/// one by one into B-trees that do not fit the cache, and the indexes end up as the product's migrations made them.
/// </summary>
internal static class SearchScaleSeed
{
    public const int Total = 1_000_000;
    public const int Workspaces = 4;
    private const int Metrics = 10;

    public static void Seed(string databasePath, IReadOnlyList<(Guid Workspace, Guid Experiment)> spaces)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        Run(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -2000000; PRAGMA temp_store = MEMORY;");
        var indexes = DropIndexes(connection, ["Runs", "RunParams", "LatestMetrics"]);
        var template = TemplateRun(connection, spaces[0].Experiment);
        var random = new Random(11);
        var perSpace = Total / spaces.Count;
        foreach (var (workspace, experiment) in spaces)
        {
            for (var chunk = 0; chunk < perSpace; chunk += 50_000)
            {
                using var transaction = connection.BeginTransaction();
                using var run = Insert(connection, transaction, "Runs", template.Keys);
                using var param = Insert(connection, transaction, "RunParams", ["RunId", "Key", "Value"]);
                using var metric = Insert(connection, transaction, "LatestMetrics", ["RunId", "Key", "Value", "Special", "Step", "Timestamp"]);
                for (var i = chunk; i < Math.Min(chunk + 50_000, perSpace); i++)
                {
                    var id = Guid.CreateVersion7().ToString().ToUpperInvariant();
                    foreach (var (column, value) in template)
                    {
                        run.Parameters["$" + column].Value = column switch
                        {
                            "Id" => id,
                            "ExperimentId" => experiment.ToString().ToUpperInvariant(),
                            "WorkspaceId" => workspace.ToString().ToUpperInvariant(),
                            "Name" => "run-" + i,
                            _ => value,
                        };
                    }

                    run.ExecuteNonQuery();
                    foreach (var (key, value) in new[] { ("depth", (i % 8).ToString()), ("lr", (i % 5 / 10.0).ToString("0.0")) })
                    {
                        Execute(param, id, key, value);
                    }

                    for (var m = 0; m < Metrics; m++)
                    {
                        Execute(metric, id, $"m{m}", random.NextDouble(), 0, 0, 1_700_000_000_000L);
                    }
                }

                transaction.Commit();
            }
        }

        Run(connection, string.Join(";\n", indexes));
        Run(connection, $"DELETE FROM Runs WHERE Id = '{template["Id"]}'; PRAGMA synchronous = NORMAL; PRAGMA optimize;");
    }

    /// <summary>Drops the tables' secondary indexes (not the primary keys' own) and answers the SQL that makes them again.</summary>
    private static List<string> DropIndexes(SqliteConnection connection, IReadOnlyList<string> tables)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", tables.Select(t => $"'{t}'"))})";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            Run(connection, $"DROP INDEX \"{name}\"");
        }

        return [.. indexes.Select(i => i.Sql)];
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A run written through the product's own model (the benchmark server's), read back column by column.</summary>
    private static Dictionary<string, object> TemplateRun(SqliteConnection connection, Guid experiment)
    {
        using var read = connection.CreateCommand();
        read.CommandText = $"SELECT * FROM Runs WHERE ExperimentId = '{experiment.ToString().ToUpperInvariant()}' LIMIT 1";
        using var reader = read.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException($"no run to copy: start one in experiment {experiment} first");
        }

        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue);
    }

    private static SqliteCommand Insert(SqliteConnection connection, SqliteTransaction transaction, string table, IEnumerable<string> columns)
    {
        var names = columns.ToList();
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select(c => "$" + c))})";
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter("$" + name, null));
        }

        return command;
    }

    private static void Execute(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
