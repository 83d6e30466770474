using System.Globalization;
using Platform.Domain.Runs;

namespace Platform.Application.Runs.Queries.SearchRuns;

/// <summary>
/// Parses MLflow's search syntax into clauses: <c>metrics.auc &gt; 0.9 and params.lr = '0.1' and tags.team = 'risk'</c>,
/// and orders such as <c>metrics.auc desc</c>. The result is translated to LINQ: user text never becomes SQL.
/// </summary>
public static class RunFilterParser
{
    public const int MaxClauses = 20;

    public static IReadOnlyList<FilterClause> ParseFilter(string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return [];
        }

        var tokens = new RunFilterTokenizer(filter).Tokenize();
        var clauses = new List<FilterClause>();
        var i = 0;
        while (true)
        {
            clauses.Add(ParseClause(tokens, ref i));
            if (tokens[i].Kind == TokenKind.End)
            {
                break;
            }

            if (tokens[i].Kind != TokenKind.And)
            {
                throw new RunFilterException(tokens[i].Position, $"expected AND or the end, found '{tokens[i].Text}'");
            }

            i++;
        }

        return clauses.Count > MaxClauses
            ? throw new RunFilterException(0, $"at most {MaxClauses} clauses are allowed")
            : clauses;
    }

    public static RunOrder ParseOrder(string? orderBy)
    {
        if (string.IsNullOrWhiteSpace(orderBy))
        {
            return RunOrder.Default;
        }

        var text = orderBy.Trim();
        var descending = false;
        var lastSpace = text.LastIndexOf(' ');
        var direction = lastSpace > 0 ? text[(lastSpace + 1)..].ToUpperInvariant() : string.Empty;
        if (direction is "ASC" or "DESC")
        {
            descending = direction == "DESC";
            text = text[..lastSpace].TrimEnd();
        }

        var tokens = new RunFilterTokenizer(text).Tokenize();
        if (tokens.Count != 2 || tokens[0].Kind != TokenKind.Identifier)
        {
            throw new RunFilterException(0, "expected metrics.<key> or attributes.start_time, .name or .status, then ASC or DESC");
        }

        var (entity, key) = SplitIdentifier(tokens[0]);
        return (entity, key) switch
        {
            (FilterEntity.Metric, _) => new RunOrder(entity, key, descending),
            (FilterEntity.Attribute, RunAttributes.StartTime or RunAttributes.Name or RunAttributes.Status) => new RunOrder(entity, key, descending),
            _ => throw new RunFilterException(0, "runs can be ordered by metrics.<key>, attributes.start_time, attributes.name or attributes.status"),
        };
    }

    private static FilterClause ParseClause(List<Token> tokens, ref int i)
    {
        var identifier = tokens[i];
        if (identifier.Kind != TokenKind.Identifier)
        {
            throw new RunFilterException(identifier.Position, "expected a field such as metrics.auc, params.lr, tags.team or attributes.status");
        }

        var (entity, key) = SplitIdentifier(identifier);
        var opToken = tokens[++i];
        if (opToken.Kind != TokenKind.Operator)
        {
            throw new RunFilterException(opToken.Position, $"expected a comparison after '{identifier.Text}'");
        }

        var op = ToOperator(opToken);
        var operand = tokens[++i];
        if (operand.Kind is not (TokenKind.Number or TokenKind.String))
        {
            throw new RunFilterException(operand.Position, "expected a number or a quoted string");
        }

        i++;
        return Check(new FilterClause(
            entity, key, op,
            operand.Kind == TokenKind.Number ? double.Parse(operand.Text, CultureInfo.InvariantCulture) : null,
            operand.Kind == TokenKind.String ? operand.Text : null), identifier.Position);
    }

    private static FilterClause Check(FilterClause clause, int position)
    {
        var numeric = clause.Operator is FilterOperator.Less or FilterOperator.LessOrEqual or FilterOperator.Greater or FilterOperator.GreaterOrEqual;
        var textual = clause.Operator is FilterOperator.Like or FilterOperator.ILike;
        string? problem = (clause.Entity, clause.Key) switch
        {
            (FilterEntity.Metric, _) when clause.Number is null => "metrics compare with numbers",
            (FilterEntity.Metric, _) when textual => "metrics do not support LIKE",
            (FilterEntity.Param or FilterEntity.Tag, _) when clause.Text is null => "params and tags compare with quoted strings",
            (FilterEntity.Param or FilterEntity.Tag, _) when numeric => "params and tags support =, !=, LIKE and ILIKE",
            (FilterEntity.Attribute, RunAttributes.Status) when clause.Text is null || numeric || textual
                || !Enum.TryParse<RunStatus>(clause.Text, true, out _) => "attributes.status compares with = or != to a status such as 'Finished'",
            (FilterEntity.Attribute, RunAttributes.Name) when clause.Text is null || numeric => "attributes.name compares with a quoted string",
            (FilterEntity.Attribute, RunAttributes.StartTime or RunAttributes.EndTime) when clause.Number is null || textual
                => $"attributes.{clause.Key} compares with epoch milliseconds",
            (FilterEntity.Attribute, RunAttributes.StartTime or RunAttributes.EndTime) when !IsEpochMilliseconds(clause.Number!.Value)
                => $"attributes.{clause.Key} compares with epoch milliseconds between {MinEpochMilliseconds} (year 1) and {MaxEpochMilliseconds} (year 9999)",
            (FilterEntity.Attribute, not (RunAttributes.Status or RunAttributes.Name or RunAttributes.StartTime or RunAttributes.EndTime))
                => $"unknown attribute '{clause.Key}' (status, name, start_time, end_time)",
            _ => null,
        };
        return problem is null ? clause : throw new RunFilterException(position, problem);
    }

    private static readonly long MinEpochMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxEpochMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    private static bool IsEpochMilliseconds(double value) => value >= MinEpochMilliseconds && value <= MaxEpochMilliseconds;

    private static (FilterEntity Entity, string Key) SplitIdentifier(Token token)
    {
        var dot = token.Text.IndexOf('.');
        var entity = token.Text[..dot].ToLowerInvariant() switch
        {
            "metric" or "metrics" => FilterEntity.Metric,
            "param" or "params" or "parameter" or "parameters" => FilterEntity.Param,
            "tag" or "tags" => FilterEntity.Tag,
            "attribute" or "attributes" or "attr" or "run" => FilterEntity.Attribute,
            var other => throw new RunFilterException(token.Position, $"'{other}' is not metrics, params, tags or attributes"),
        };
        var key = token.Text[(dot + 1)..];
        return (entity, entity == FilterEntity.Attribute ? key.ToLowerInvariant() : key);
    }

    private static FilterOperator ToOperator(Token token) => token.Text switch
    {
        "=" or "==" => FilterOperator.Equal,
        "!=" => FilterOperator.NotEqual,
        "<" => FilterOperator.Less,
        "<=" => FilterOperator.LessOrEqual,
        ">" => FilterOperator.Greater,
        ">=" => FilterOperator.GreaterOrEqual,
        "LIKE" => FilterOperator.Like,
        "ILIKE" => FilterOperator.ILike,
        _ => throw new RunFilterException(token.Position, $"unknown operator '{token.Text}'"),
    };
}
