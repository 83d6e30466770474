using Platform.Domain.Auditing;

namespace Platform.Application.Auditing;

/// <summary>
/// Walks one chain in sequence order, recomputing each sealed event's hash from the one before: the first event whose
/// stored hash differs (changed, or one before it removed or inserted) is named, as is a sealed event that follows an
/// unsealed one.
/// </summary>
public static class AuditChainVerifier
{
    private const int Batch = 10_000;

    public static async Task<AuditVerificationDto> VerifyAsync(IPlatformDbContext db, AuditChain chain, CancellationToken cancellationToken)
    {
        var previous = AuditEvent.Genesis;
        long sealedCount = 0, unsealed = 0;
        var next = ReadAfterAsync(db, chain, 0, cancellationToken);
        while (true)
        {
            var batch = await next;
            // The next batch is read while this one is hashed: the database is used by one operation at a time.
            next = batch.Count < Batch ? null! : ReadAfterAsync(db, chain, batch[^1].Sequence, cancellationToken);
            foreach (var e in batch)
            {
                if (e.Hash is null)
                {
                    unsealed++;
                    continue;
                }

                if (unsealed > 0 || e.Hash != e.ComputeHash(previous))
                {
                    await DrainAsync(next);
                    return new(false, sealedCount, unsealed, e.Sequence, unsealed > 0
                        ? "sealed after an event that is not: an event was inserted out of order"
                        : "its hash does not match its content and the previous hash: it, or the chain before it, was changed");
                }

                previous = e.Hash;
                sealedCount++;
            }

            if (batch.Count < Batch)
            {
                return new(true, sealedCount, unsealed, null, null);
            }
        }
    }

    private static Task<List<AuditEvent>> ReadAfterAsync(IPlatformDbContext db, AuditChain chain, long after, CancellationToken cancellationToken) => Task.Run(
        () => chain.Of(db.AuditEvents.AsNoTracking()).Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(Batch).ToListAsync(cancellationToken),
        cancellationToken);

    private static async Task DrainAsync(Task<List<AuditEvent>>? pending)
    {
        if (pending is not null)
        {
            await pending; // the context must be free before the request ends
        }
    }
}
