using System.Linq.Expressions;
using Platform.Domain.Runs;

namespace Platform.Application.Runs.Queries.SearchRuns;

/// <summary>Applies parsed filter clauses to a run query as LINQ: each clause an EXISTS on an indexed table.</summary>
internal static class RunFilterTranslator
{
    public static IQueryable<Run> Apply(this IQueryable<Run> runs, IPlatformDbContext db, IEnumerable<FilterClause> clauses) =>
        clauses.Aggregate(runs, (query, clause) => clause.Entity switch
        {
            FilterEntity.Metric => ApplyMetric(query, db, clause.Key, clause.Operator, clause.Number!.Value),
            FilterEntity.Param => ApplyParam(query, db, clause.Key, clause.Operator, clause.Text!),
            FilterEntity.Tag => ApplyTag(query, db, clause.Key, clause.Operator, clause.Text!),
            _ => ApplyAttribute(query, clause),
        });

    private static IQueryable<Run> ApplyMetric(IQueryable<Run> runs, IPlatformDbContext db, string key, FilterOperator op, double number)
    {
        var value = MetricValue.Encode(number).Stored;
        Expression<Func<LatestMetric, bool>> compare = op switch
        {
            FilterOperator.Equal => m => m.Value == value,
            FilterOperator.NotEqual => m => m.Value != value,
            FilterOperator.Less => m => m.Value < value,
            FilterOperator.LessOrEqual => m => m.Value <= value,
            FilterOperator.Greater => m => m.Value > value,
            _ => m => m.Value >= value,
        };
        var metrics = db.LatestMetrics.Where(m => m.Key == key && m.Special != MetricSpecial.NaN).Where(compare);
        return runs.Where(r => metrics.Any(m => m.RunId == r.Id));
    }

    private static IQueryable<Run> ApplyParam(IQueryable<Run> runs, IPlatformDbContext db, string key, FilterOperator op, string text)
    {
        var matching = db.RunParams.Where(p => p.Key == key).Where(TextComparison<RunParam>(p => p.Value, op, text));
        return runs.Where(r => matching.Any(p => p.RunId == r.Id));
    }

    private static IQueryable<Run> ApplyTag(IQueryable<Run> runs, IPlatformDbContext db, string key, FilterOperator op, string text)
    {
        var matching = db.RunTags.Where(t => t.Key == key).Where(TextComparison<RunTag>(t => t.Value, op, text));
        return runs.Where(r => matching.Any(t => t.RunId == r.Id));
    }

    private static IQueryable<Run> ApplyAttribute(IQueryable<Run> runs, FilterClause clause)
    {
        switch (clause.Key)
        {
            case RunAttributes.Status:
                var status = Enum.Parse<RunStatus>(clause.Text!, true);
                return clause.Operator == FilterOperator.Equal ? runs.Where(r => r.Status == status) : runs.Where(r => r.Status != status);
            case RunAttributes.Name:
                return runs.Where(TextComparison<Run>(r => r.Name, clause.Operator, clause.Text!));
            default:
                var time = DateTimeOffset.FromUnixTimeMilliseconds((long)clause.Number!.Value);
                return clause.Key == RunAttributes.StartTime
                    ? runs.Where(TimeComparison(r => r.StartTime, clause.Operator, time))
                    : runs.Where(r => r.EndTime != null).Where(TimeComparison(r => r.EndTime!.Value, clause.Operator, time));
        }
    }

    private static Expression<Func<T, bool>> TextComparison<T>(Expression<Func<T, string>> field, FilterOperator op, string text)
    {
        Expression<Func<string, bool>> compare = op switch
        {
            FilterOperator.Equal => v => v == text,
            FilterOperator.NotEqual => v => v != text,
            FilterOperator.Like => v => EF.Functions.Like(v, text),
            _ => v => EF.Functions.Like(v.ToLower(), text.ToLower()),
        };
        return Compose(field, compare);
    }

    private static Expression<Func<Run, bool>> TimeComparison(Expression<Func<Run, DateTimeOffset>> field, FilterOperator op, DateTimeOffset time)
    {
        Expression<Func<DateTimeOffset, bool>> compare = op switch
        {
            FilterOperator.Equal => v => v == time,
            FilterOperator.NotEqual => v => v != time,
            FilterOperator.Less => v => v < time,
            FilterOperator.LessOrEqual => v => v <= time,
            FilterOperator.Greater => v => v > time,
            _ => v => v >= time,
        };
        return Compose(field, compare);
    }

    /// <summary>Substitutes <paramref name="field"/>'s body for the parameter of <paramref name="compare"/>.</summary>
    private static Expression<Func<T, bool>> Compose<T, TValue>(Expression<Func<T, TValue>> field, Expression<Func<TValue, bool>> compare)
    {
        var body = new ReplaceParameter(compare.Parameters[0], field.Body).Visit(compare.Body);
        return Expression.Lambda<Func<T, bool>>(body, field.Parameters);
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
