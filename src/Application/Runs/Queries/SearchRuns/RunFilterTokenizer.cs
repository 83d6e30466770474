using System.Globalization;

namespace Platform.Application.Runs.Queries.SearchRuns;

internal enum TokenKind
{
    Identifier,
    Operator,
    String,
    Number,
    And,
    End,
}

internal readonly record struct Token(TokenKind Kind, string Text, int Position);

/// <summary>Splits an MLflow-style filter into tokens. Identifiers may quote their key in backticks or double quotes.</summary>
internal sealed class RunFilterTokenizer(string text)
{
    private int _position;

    public List<Token> Tokenize()
    {
        var tokens = new List<Token>();
        while (true)
        {
            SkipSpaces();
            if (_position >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, _position));
                return tokens;
            }

            tokens.Add(Next());
        }
    }

    private Token Next()
    {
        var start = _position;
        var c = text[_position];
        if (c is '\'' or '"' && !PreviousIsDot())
        {
            return new Token(TokenKind.String, ReadQuoted(c), start);
        }

        if (c is '<' or '>' or '=' or '!')
        {
            _position++;
            if (_position < text.Length && text[_position] == '=')
            {
                _position++;
            }

            var op = text[start.._position];
            return op == "!" ? throw new RunFilterException(start, "'!' must be followed by '='") : new Token(TokenKind.Operator, op, start);
        }

        if (char.IsDigit(c) || c is '-' or '+' or '.')
        {
            while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] is '.' or '-' or '+'))
            {
                _position++;
            }

            var number = text[start.._position];
            return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                ? new Token(TokenKind.Number, number, start)
                : throw new RunFilterException(start, $"'{number}' is not a number");
        }

        if (char.IsLetter(c) || c == '_')
        {
            return ReadWordOrIdentifier(start);
        }

        throw new RunFilterException(start, $"unexpected character '{c}'");
    }

    private Token ReadWordOrIdentifier(int start)
    {
        while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] == '_'))
        {
            _position++;
        }

        var word = text[start.._position];
        if (_position < text.Length && text[_position] == '.')
        {
            _position++;
            var key = ReadKey();
            return new Token(TokenKind.Identifier, word + "." + key, start);
        }

        return word.ToUpperInvariant() switch
        {
            "AND" => new Token(TokenKind.And, word, start),
            "LIKE" or "ILIKE" => new Token(TokenKind.Operator, word.ToUpperInvariant(), start),
            _ => throw new RunFilterException(start, $"'{word}' is not a field: write metrics.<key>, params.<key>, tags.<key> or attributes.<name>"),
        };
    }

    private string ReadKey()
    {
        if (_position < text.Length && text[_position] is '`' or '"')
        {
            return ReadQuoted(text[_position]);
        }

        var start = _position;
        while (_position < text.Length && (char.IsLetterOrDigit(text[_position]) || text[_position] is '_' or '-' or '.' or '/'))
        {
            _position++;
        }

        return _position == start ? throw new RunFilterException(start, "expected a key after '.'") : text[start.._position];
    }

    private string ReadQuoted(char quote)
    {
        var start = _position;
        _position++;
        var end = text.IndexOf(quote, _position);
        if (end < 0)
        {
            throw new RunFilterException(start, $"unclosed {quote}");
        }

        var value = text[_position..end];
        _position = end + 1;
        return value;
    }

    private bool PreviousIsDot() => _position > 0 && text[_position - 1] == '.';

    private void SkipSpaces()
    {
        while (_position < text.Length && char.IsWhiteSpace(text[_position]))
        {
            _position++;
        }
    }
}

/// <summary>A filter or order that cannot be parsed; the position is 0-based.</summary>
public sealed class RunFilterException(int position, string reason) : Exception($"at position {position}: {reason}");
