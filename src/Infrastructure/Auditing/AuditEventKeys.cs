using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Domain.Auditing;

namespace Platform.Infrastructure.Auditing;

/// <summary>
/// The one write to an audit event after its insert, inside the same transaction before it commits (never after):
/// its summary and entity id with the keys the database gave the rows it names. Sealing happens later, on what committed.
/// </summary>
internal static class AuditEventKeys
{
    public static DbCommand Update(DbContext context, DbTransaction transaction, long sequence, string summary, string entityId)
    {
        var table = context.Model.FindEntityType(typeof(AuditEvent))!;
        var sql = context.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(table.FindProperty(property)!.GetColumnName());

        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"UPDATE {sql.DelimitIdentifier(table.GetTableName()!)} SET {Column(nameof(AuditEvent.Summary))} = @summary, " +
            $"{Column(nameof(AuditEvent.EntityId))} = @entity WHERE {Column(nameof(AuditEvent.Sequence))} = @sequence";
        Add(command, "@summary", summary);
        Add(command, "@entity", entityId);
        Add(command, "@sequence", sequence);
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
