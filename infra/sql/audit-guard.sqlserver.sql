-- Database-level guard for the audit trail on SQL Server (apply after the migrations, as a DBA).
-- The application never deletes audit events and only ever sets a NULL Hash (sealing); this makes the database
-- refuse anything else, whoever connects. The chain verification (GET /api/v1/audit/verify) still detects what a
-- DBA who drops the triggers changes.
CREATE OR ALTER TRIGGER dbo.AuditEvents_NoDelete ON dbo.AuditEvents INSTEAD OF DELETE AS
BEGIN
    THROW 51000, 'Audit events cannot be deleted.', 1;
END;
GO
CREATE OR ALTER TRIGGER dbo.AuditEvents_SealOnly ON dbo.AuditEvents AFTER UPDATE AS
BEGIN
    IF EXISTS (
        SELECT 1 FROM inserted i JOIN deleted d ON d.Sequence = i.Sequence
        WHERE d.Hash IS NOT NULL
           OR i.At <> d.At OR i.Actor <> d.Actor OR i.Action <> d.Action OR i.EntityType <> d.EntityType
           OR i.EntityId <> d.EntityId OR i.Summary <> d.Summary
           OR ISNULL(i.TraceId, '') <> ISNULL(d.TraceId, '') OR ISNULL(i.SourceAddress, '') <> ISNULL(d.SourceAddress, '')
           OR ISNULL(CONVERT(char(36), i.WorkspaceId), '') <> ISNULL(CONVERT(char(36), d.WorkspaceId), ''))
    BEGIN
        ROLLBACK TRANSACTION;
        THROW 51001, 'Audit events are immutable: only sealing (setting a NULL Hash) is allowed.', 1;
    END
END;
GO
DENY DELETE ON dbo.AuditEvents TO PUBLIC;
GO
