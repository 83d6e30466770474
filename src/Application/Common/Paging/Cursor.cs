using System.Buffers.Text;
using System.Text.Json;

namespace Platform.Application.Common.Paging;

/// <summary>Opaque keyset cursors: the sort key of the last item of a page, as base64url JSON.</summary>
public static class Cursor
{
    public static string Encode<T>(T position) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position));

    public static T? Decode<T>(string? cursor)
        where T : class
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(cursor))
                ?? throw RequestValidationException.For("cursor", "is not a cursor this API issued");
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw RequestValidationException.For("cursor", "is not a cursor this API issued");
        }
    }
}
