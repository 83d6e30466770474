using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Common.Events;
using Platform.Domain.Common;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// Takes the domain events the tracked entities raised and, before the save writes anything, hands them to the
/// features that react (<see cref="IDomainEventHandler{TEvent}"/>): what they change is saved in the same
/// transaction, and is audited with it (this runs before the audit interceptor). Events their changes raise are
/// handed over in turn, up to <see cref="MaxRounds"/> rounds. Once the save (or its explicit transaction) has
/// committed, the events go to the <see cref="ISavedEventHandler{TEvent}"/>s, each distinct event once.
/// </summary>
internal sealed class DomainEventsInterceptor(IServiceProvider scope) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public const int MaxRounds = 8;

    private readonly List<IDomainEvent> _saved = [];
    private readonly List<IDomainEvent> _awaitingCommit = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Take(eventData.Context!).Count > 0)
        {
            throw new InvalidOperationException("Entities raised domain events: save them with SaveChangesAsync, whose handlers may read the database.");
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var dispatcher = scope.GetRequiredService<DomainEventDispatcher>();
        for (var round = 1; Take(eventData.Context!) is { Count: > 0 } events; round++)
        {
            if (round > MaxRounds)
            {
                throw new InvalidOperationException($"Domain events kept raising further events after {MaxRounds} rounds: {string.Join(", ", events.Select(e => e.GetType().Name))}.");
            }

            foreach (var domainEvent in events)
            {
                await dispatcher.DispatchAsync(domainEvent, cancellationToken);
                _saved.Add(domainEvent);
            }
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context!.Database.CurrentTransaction is not null)
        {
            _awaitingCommit.AddRange(_saved);
            _saved.Clear();
        }
        else
        {
            await DispatchSavedAsync(_saved, cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => _saved.Clear();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _saved.Clear();
        return Task.CompletedTask;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        DispatchSavedAsync(_awaitingCommit, cancellationToken);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => _awaitingCommit.Clear();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _awaitingCommit.Clear();
        return Task.CompletedTask;
    }

    /// <remarks>
    /// Without detecting changes first (the save does that once, after this): an entity raises its events from its own
    /// methods, and is tracked whatever its state, so a scan of the tracked entries finds them all.
    /// </remarks>
    private static List<IDomainEvent> Take(DbContext context)
    {
        var detecting = context.ChangeTracker.AutoDetectChangesEnabled;
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return [.. context.ChangeTracker.Entries<AggregateRoot>().SelectMany(e => e.Entity.TakeRaisedDomainEvents()).OrderBy(e => e.Order).Select(e => e.Event)];
        }
        finally
        {
            context.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private async Task DispatchSavedAsync(List<IDomainEvent> events, CancellationToken cancellationToken)
    {
        var distinct = events.Distinct().ToList();
        events.Clear();
        var dispatcher = scope.GetRequiredService<DomainEventDispatcher>();
        foreach (var domainEvent in distinct)
        {
            await dispatcher.DispatchSavedAsync(domainEvent, cancellationToken);
        }
    }
}
